package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal segment train|predict}: the anomaly-guided U-Net. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = "Lesion segmentation with a U-Net on PET, CT and the anomaly prior.",
    subcommands = {SegmentCommand.Train.class, SegmentCommand.Predict.class, SegmentBaselinesCommand.class})
public final class SegmentCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("petal segment: choose 'train' or 'predict' (see petal segment --help)");
    return 2;
  }

  /** {@code petal segment train}. */
  @Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
      description = "Train the U-Net on labelled studies and/or normal studies with synthetic lesions.")
  public static final class Train implements Callable<Integer> {
    @Mixin WarehouseOption warehouse;
    @Mixin SparkOptions spark;

    @Option(names = "--no-prior", description = "Drop the anomaly prior channel (ablation).")
    boolean noPrior;

    @Option(names = "--labels", defaultValue = "both",
        description = "Label source: real, synthetic (lesions inserted into normal studies), both.")
    String labels;

    @Override
    public Integer call() {
      return PendingStage.report("segment train", "train the segmentation network and save it under W/models/");
    }
  }

  /** {@code petal segment predict}. */
  @Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
      description = "Write lesion probability and label per slice to W/tables/masks.")
  public static final class Predict implements Callable<Integer> {
    @Mixin WarehouseOption warehouse;
    @Mixin SparkOptions spark;

    @Override
    public Integer call() {
      return PendingStage.report("segment predict", "write W/tables/masks");
    }
  }
}
