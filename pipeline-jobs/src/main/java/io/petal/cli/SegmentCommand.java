package io.petal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code petal segment train|predict}: the anomaly-guided U-Net. */
@Command(name = "segment", mixinStandardHelpOptions = true,
    description = "Lesion segmentation with a U-Net on PET, CT and the anomaly prior.",
    subcommands = {SegmentTrainCommand.class, SegmentPredictCommand.class, SegmentBaselinesCommand.class})
public final class SegmentCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("petal segment: choose 'train' or 'predict' (see petal segment --help)");
    return 2;
  }
}
