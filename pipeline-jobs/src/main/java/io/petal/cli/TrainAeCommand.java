package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal train-ae}: Train the dual-branch PET/CT autoencoder on normal slices, data-parallel over Spark executors. */
@Command(name = "train-ae", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Train the dual-branch PET/CT autoencoder on normal slices, data-parallel over Spark executors.")
public final class TrainAeCommand implements Callable<Integer> {
  @Mixin WarehouseOption warehouse;
  @Mixin SparkOptions spark;

  @Option(names = "--epochs", defaultValue = "10", description = "Training epochs.")
  int epochs;

  @Option(names = "--model", defaultValue = "autoencoder", description = "Model name (W/models/<name>/).")
  String model;

  @Option(names = "--resume", description = "Continue from the last checkpoint of --model.")
  boolean resume;

  @Override
  public Integer call() {
    return PendingStage.report("train-ae", "train the autoencoder on normal slices and write checkpoints and a model card to W/models/<name>/");
  }
}
