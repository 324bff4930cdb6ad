package io.petal.models.seg;

import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A segmentation network: input [B, S, S, {@link SegmentationConfig#inputChannels()}] NHWC, output
 * logits [B, S, S, {@link SegmentationConfig#regions()}].
 */
public interface SegmentationNetwork extends Layer {
  /**
   * Logits of {@code input} conditioned on the samples' report features [B, 1, 1, D]; null exactly
   * when the network has no text path (the default: networks without one refuse features).
   */
  default INDArray forward(INDArray input, INDArray textFeatures) {
    if (textFeatures != null) {
      throw new IllegalArgumentException(name() + " has no report-text path: text features given");
    }
    return forward(input);
  }

  /** Every layer with parameters, in parameter order. */
  List<Layer> layers();

  /** The network {@code config} asks for ({@link FusionUNet} when it has channel groups, else {@link UNet}). */
  static SegmentationNetwork create(SegmentationConfig config, ParameterStore.Builder params) {
    return config.fusion() ? new FusionUNet(config, params) : new UNet(config, params);
  }
}
