package io.petal.cli;

import io.petal.baselines.AnomalyThresholdBaseline;
import io.petal.baselines.BaselinesJob;
import io.petal.baselines.SuvThresholdBaseline;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal segment baselines}: SUV-threshold, 41 %-of-SUVmax and anomaly-threshold masks in W/tables/masks. */
@Command(name = "baselines", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Write the baseline segmentations to W/tables/masks (their rows are replaced, other models' "
        + "rows kept): baseline-suv<T> (SUV > T), baseline-41pct (18-connected regions of SUV > T, voxels >= 41 % "
        + "of each region's SUVmax) and baseline-anomaly (anomaly map > threshold)."})
public final class SegmentBaselinesCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--suv", defaultValue = "" + SuvThresholdBaseline.DEFAULT_SUV, paramLabel = "SUV",
      description = "SUV threshold of baseline-suv<T> and of the 41 % baseline's regions.")
  double suv;

  @Option(names = "--anomaly-model", defaultValue = "autoencoder",
      description = "Autoencoder whose anomaly maps baseline-anomaly thresholds (skipped when it has none).")
  String anomalyModel;

  @Option(names = "--anomaly-threshold", defaultValue = "" + AnomalyThresholdBaseline.DEFAULT_THRESHOLD_SUV,
      paramLabel = "SUV", description = "Threshold on the anomaly map (PET residual, SUV).")
  double anomalyThreshold;

  @Override
  public Integer call() {
    SparkSession session = spark.session("petal-segment-baselines");
    BaselinesJob.Summary s = BaselinesJob.run(session,
        new BaselinesJob.Options(warehouse.warehouse(), suv, anomalyModel, anomalyThreshold));
    s.studiesByModel().forEach((model, studies) ->
        System.out.printf("segment baselines: %s -> %d studies in %s/tables/masks%n", model, studies,
            warehouse.warehouse()));
    s.skipped().forEach(why -> System.out.println("segment baselines: skipped " + why));
    return 0;
  }
}
