package io.petal.cli;

import io.petal.jobs.SynthGrid;
import io.petal.jobs.SynthJob;
import io.petal.schema.StudyKind;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code petal synth}: a synthetic cohort of one study kind. */
@Command(name = "synth", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Write a synthetic cohort plus OUT/manifest.csv (the ingest manifest) and OUT/lesions.csv, one "
        + "Spark task per patient:",
        "  pet-ct     : whole-body FDG PET/CT, autoPET layout OUT/<patient>/<study>/{SUV,CTres,SEG}.nii.gz",
        "  brain-mri  : BraTS layout OUT/<case>/<case>_{t1,t1ce,t2,flair,seg}.nii.gz (seg: 1 necrotic core, "
            + "2 oedema, 4 enhancing), with a free-text report per study",
        "  spect-bone : whole-body bone scans OUT/<patient>/<study>/NM.dcm (DICOM NM, anterior and posterior "
            + "frames) and SEG.nii.gz (metastases), with a free-text report per study",
        "pet-ct with --annotators N also writes N-1 further annotations of the same lesions (SEG_annotator<a>.nii.gz, "
            + "manifest column seg_annotator<a>)."})
public final class SynthCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (any Hadoop path).")
  String out;

  @Option(names = "--kind", defaultValue = "pet-ct", paramLabel = "KIND", converter = StudyKindConverter.class,
      description = "Study kind: pet-ct, brain-mri or spect-bone.")
  StudyKind kind;

  @Option(names = "--normal", defaultValue = "6", paramLabel = "N", description = "Normal patients (no lesion).")
  int normal;

  @Option(names = "--abnormal", defaultValue = "6", paramLabel = "M", description = "Patients with synthetic lesions.")
  int abnormal;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed; same seed, same bytes.")
  long seed;

  @Option(names = "--preview", description = "Also write a preview PNG per study (PET/CT: coronal SUV MIP and CT "
      + "slice; brain MRI: the four contrasts through the tumour; bone scans: both views), lesions outlined.")
  boolean preview;

  @Option(names = "--grid", defaultValue = "standard", paramLabel = "PRESET",
      description = "Image grid: ${COMPLETION-CANDIDATES} (brain MRI: 2 or 4 mm voxels; bone scans: 4 or 8 mm pixels).")
  SynthGrid grid;

  @Option(names = "--annotators", defaultValue = "1", paramLabel = "N",
      description = "pet-ct only: annotation sources per study: the exact lesion mask (seg) and N-1 redrawn ones "
          + "(seg_annotator2: lesions grown by a voxel, seg_annotator3: shrunk, …; each lesion shifted by up to a "
          + "voxel per axis).")
  int annotators;

  @Option(names = "--spacing", paramLabel = "MM", description = "brain-mri and spect-bone only: voxel or pixel "
      + "size in mm (e.g. 1 for BraTS resolution), replacing the grid preset's; the field of view stays.")
  Double spacing;

  @Override
  public Integer call() throws Exception {
    SynthJob.Options options;
    try {
      options = new SynthJob.Options(out, normal, abnormal, seed, preview, grid.config(kind, spacing), annotators);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SparkSession session = spark.session("petal-synth");
    SynthJob.run(session, options);
    System.out.println("synthetic " + kind + " cohort: " + out + " (manifest: " + out + "/" + SynthJob.MANIFEST + ")");
    return 0;
  }
}
