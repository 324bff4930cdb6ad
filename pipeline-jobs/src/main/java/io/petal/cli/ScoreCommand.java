package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal score}: Score every slice: SUV-threshold-masked reconstruction, anomaly map and slice score. */
@Command(name = "score", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Score every slice: SUV-threshold-masked reconstruction, anomaly map and slice score.")
public final class ScoreCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--model", defaultValue = "autoencoder", description = "Autoencoder to score with.")
  String model;

  @Option(names = "--suv-threshold", defaultValue = "2.5", description = "Hide PET voxels above this SUV.")
  double suvThreshold;

  @Option(names = "--liver-relative", description = "Instead: hide voxels above K x liver SUVmean.")
  Double liverRelative;

  @Override
  public Integer call() {
    return PendingStage.report("score", "write anomaly maps and slice scores to W/tables/anomaly");
  }
}
