package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.schema.StudyManifest;

/**
 * Derives the {@code studies} row values of a loaded study. PET-specific facts are left empty for
 * other kinds: the SUV columns and {@code suv_max} are null unless the study has a PET channel in
 * SUV (its first channel); a study of planar views has lesion pixels but no lesion volume.
 */
final class StudyFactsBuilder {
  private StudyFactsBuilder() {}

  /** The row of {@code s}, whose slices {@code cut} has cut, every one of them. */
  static IngestOutcome.StudyFacts of(StudySource src, String patientKey, LoadedStudy s, SliceCutter cut) {
    if (cut.hasNext()) {
      throw new IllegalStateException("study facts need every slice cut; " + cut.slicesCut() + " of "
          + s.grid().nz() + " were");
    }
    ImageGrid g = s.grid();
    Long lesionVoxels = null;
    Double lesionMl = null;
    if (!s.labels().isEmpty()) {
      long n = cut.lesionVoxels();
      lesionVoxels = n;
      lesionMl = s.planar() ? null : n * g.voxelVolumeMl();
    }
    LoadedStudy.SuvNormalisation suv = s.suv();
    Double max = suv == null ? null : cut.channel0Max();
    Boolean normal = src.diagnosis() == null ? null : StudyManifest.NEGATIVE.equalsIgnoreCase(src.diagnosis().strip());
    return new IngestOutcome.StudyFacts(patientKey, src.kind(), s.sourceFormat(), s.channelNames(), s.channelUnits(),
        g.nx(), g.ny(), g.nz(), new double[] {g.spacing(0), g.spacing(1), g.spacing(2)}, g.affine().rowMajor3x4(),
        suv == null ? null : suv.factor(), suv == null ? null : suv.rule(), suv == null ? null : suv.sulFactor(),
        src.diagnosis(), normal, src.split(), s.labelNames(), lesionVoxels, lesionMl, max,
        src.report(), src.metadata(), g.nz());
  }
}
