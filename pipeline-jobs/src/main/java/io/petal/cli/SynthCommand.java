package io.petal.cli;

import io.petal.jobs.SynthJob;
import io.petal.jobs.SynthGrid;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal synth}: a synthetic whole-body FDG PET/CT cohort. */
@Command(name = "synth", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Write a synthetic whole-body FDG PET/CT cohort in the autoPET layout "
        + "(OUT/<patient>/<study>/{SUV,CTres,SEG}.nii.gz + OUT/manifest.csv), one Spark task per patient; with "
        + "--annotators N also N-1 further annotations of the same lesions (SEG_annotator<a>.nii.gz, manifest "
        + "column seg_annotator<a>).")
public final class SynthCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (any Hadoop path).")
  String out;

  @Option(names = "--normal", defaultValue = "6", paramLabel = "N", description = "Normal patients (no lesion).")
  int normal;

  @Option(names = "--abnormal", defaultValue = "6", paramLabel = "M", description = "Patients with synthetic lesions.")
  int abnormal;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed; same seed, same bytes.")
  long seed;

  @Option(names = "--preview", description = "Also write preview.png per study (coronal SUV MIP with lesion outlines, CT slice).")
  boolean preview;

  @Option(names = "--grid", defaultValue = "standard", paramLabel = "PRESET",
      description = "Image grid: ${COMPLETION-CANDIDATES}.")
  SynthGrid grid;

  @Option(names = "--annotators", defaultValue = "1", paramLabel = "N",
      description = "Annotation sources per study: the exact lesion mask (seg) and N-1 redrawn ones (seg_annotator2: "
          + "lesions grown by a voxel, seg_annotator3: shrunk, …; each lesion shifted by up to a voxel per axis).")
  int annotators;

  @Override
  public Integer call() throws Exception {
    SparkSession session = spark.session("petal-synth");
    SynthJob.run(session, new SynthJob.Options(out, normal, abnormal, seed, preview, grid.config(), annotators));
    System.out.println("synthetic cohort: " + out + " (manifest: " + out + "/" + SynthJob.MANIFEST + ")");
    return 0;
  }
}
