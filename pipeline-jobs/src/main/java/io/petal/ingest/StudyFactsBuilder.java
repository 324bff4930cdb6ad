package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.schema.StudyManifest;

/** Derives the {@code studies} row values of a loaded study. */
final class StudyFactsBuilder {
  private StudyFactsBuilder() {}

  static IngestOutcome.StudyFacts of(StudySource src, String patientKey, LoadedStudy s) {
    ImageGrid g = s.grid();
    Long lesionVoxels = null;
    Double lesionMl = null;
    if (!s.labels().isEmpty()) {
      long n = 0;
      for (float f : s.labels().get(0).data()) {
        n += f != 0 ? 1 : 0;
      }
      lesionVoxels = n;
      lesionMl = n * g.voxelVolumeMl();
    }
    Volume first = s.channels().get(0);
    LoadedStudy.SuvNormalisation suv = s.suv();
    Boolean normal = src.diagnosis() == null ? null : StudyManifest.NEGATIVE.equalsIgnoreCase(src.diagnosis().strip());
    return new IngestOutcome.StudyFacts(patientKey, src.kind(), s.sourceFormat(), s.channelNames(), s.channelUnits(),
        g.nx(), g.ny(), g.nz(), new double[] {g.spacing(0), g.spacing(1), g.spacing(2)}, g.affine().rowMajor3x4(),
        suv == null ? null : suv.factor(), suv == null ? null : suv.rule(), suv == null ? null : suv.sulFactor(),
        src.diagnosis(), normal, src.split(), s.labelNames(), lesionVoxels, lesionMl, SliceRecords.max(first),
        src.report(), src.metadata(), g.nz());
  }
}
