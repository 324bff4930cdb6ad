package io.petal.cli;

import io.petal.jobs.PipelineRun;
import io.petal.jobs.SynthJob;
import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.scoring.ScoringSettings;
import io.petal.privacy.PseudonymKeys;
import io.petal.jobs.SynthGrid;
import io.petal.warehouse.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code petal demo}: the README's first command. Makes a small synthetic cohort under
 * {@code W/cohorts/demo} and runs the whole pipeline on it ({@code petal run} with few epochs),
 * printing where the outputs are and the evaluation's headline figures. Synthetic data only, so it may use the public demo pseudonym key when none is set.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Make a small synthetic cohort and run the whole pipeline on it (petal run with few epochs) in "
        + "Spark local mode; prints the outputs and the evaluation's headline figures.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--normal", defaultValue = "4", description = "Normal patients.")
  int normal;

  @Option(names = "--abnormal", defaultValue = "4", description = "Patients with lesions.")
  int abnormal;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the cohort.")
  long seed;

  @Option(names = "--grid", defaultValue = "standard", description = "Image grid: ${COMPLETION-CANDIDATES}.")
  SynthGrid grid;

  @Option(names = "--epochs", defaultValue = "2", description = "Autoencoder training epochs.")
  int epochs;

  @Option(names = "--seg-epochs", defaultValue = "2", description = "Segmentation epochs.")
  int segEpochs;

  @Option(names = "--annotators", defaultValue = "1", description = "Annotation sources per study (petal synth "
      + "--annotators): with 2 or more, one U-Net per source and the cross-evaluation matrix in the report.")
  int annotators;

  @Override
  public Integer call() throws Exception {
    Warehouse w = warehouse.warehouse();
    SparkSession session = spark.session("petal-demo");
    String cohort = w.cohort("demo");
    SynthJob.run(session, new SynthJob.Options(cohort, normal, abnormal, seed, true, grid.config(), annotators));
    PipelineRun.Summary run = PipelineRun.run(session, new PipelineRun.Options(w, cohort + "/" + SynthJob.MANIFEST,
        "demo", epochs, segEpochs, AutoencoderConfig.defaults(), SegmentationConfig.defaults(), ScoringSettings.DEFAULT),
        PseudonymKeys.resolve(null, true, System.getenv()));
    System.out.println();
    System.out.println("Petal demo finished.");
    System.out.println("  synthetic cohort : " + cohort + "  (" + (normal + abnormal) + " studies, NIfTI, autoPET layout)");
    System.out.println("  manifest         : " + cohort + "/" + SynthJob.MANIFEST);
    System.out.println("  inserted lesions : " + cohort + "/" + SynthJob.LESIONS);
    System.out.println("  previews         : " + cohort + "/<patient>/<study>/preview.png");
    RunSummaryPrinter.print(run, w, System.out);
    System.out.println("  query the tables : bin/petal sql --warehouse " + w
        + " \"SELECT site, count(*), avg(suv_max) FROM lesions GROUP BY site\"");
    return 0;
  }
}
