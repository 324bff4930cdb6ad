package io.petal.models.seg;

import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import java.util.List;

/**
 * A segmentation network: input [B, S, S, {@link SegmentationConfig#inputChannels()}] NHWC, output
 * logits [B, S, S, {@link SegmentationConfig#regions()}].
 */
public interface SegmentationNetwork extends Layer {
  /** Every layer with parameters, in parameter order. */
  List<Layer> layers();

  /** The network {@code config} asks for ({@link FusionUNet} when it has channel groups, else {@link UNet}). */
  static SegmentationNetwork create(SegmentationConfig config, ParameterStore.Builder params) {
    return config.fusion() ? new FusionUNet(config, params) : new UNet(config, params);
  }
}
