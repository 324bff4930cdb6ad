package io.petal.models.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.nn.GradientCheck;
import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import io.petal.models.text.TextFusionConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class UNetTest {
  private static final SegmentationConfig TINY = SegmentationConfig.builder()
      .size(8).neighbours(0).baseFilters(2).depth(2).build();

  @Test
  void logitsHaveTheInputsSpatialSizeAndOneChannel() {
    for (int depth = 1; depth <= 4; depth++) {
      SegmentationConfig config = SegmentationConfig.builder().size(32).neighbours(1).baseFilters(4).depth(depth).build();
      ParameterStore.Builder builder = ParameterStore.builder();
      UNet net = new UNet(config, builder);
      builder.build(1);
      INDArray y = net.forward(Nd4j.rand(DataType.FLOAT, 3, 32, 32, 7));
      assertArrayEquals(new long[] {3, 32, 32, 1}, y.shape(), "depth " + depth);
      INDArray gx = net.backward(Nd4j.ones(DataType.FLOAT, 3, 32, 32, 1));
      assertArrayEquals(new long[] {3, 32, 32, 7}, gx.shape(), "depth " + depth);
    }
  }

  @Test
  void layersAreNamedByLevel() {
    ParameterStore.Builder builder = ParameterStore.builder();
    UNet net = new UNet(SegmentationConfig.builder().size(32).depth(3).baseFilters(4).build(), builder);
    ParameterStore store = builder.build(1);
    List<String> names = net.layers().stream().map(Layer::name).toList();
    assertEquals(List.of("enc0/conv1", "enc0/conv2", "enc1/down", "enc1/conv", "enc2/down", "enc2/conv", "enc3/down",
        "enc3/conv", "dec2/up", "dec2/conv", "dec1/up", "dec1/conv", "dec0/up", "dec0/conv", "head"), names);
    // 3 PET + 3 CT slices + prior in, base 4 filters; the decoder convs take up + skip channels
    assertArrayEquals(new long[] {3, 3, 7, 4}, store.get("enc0/conv1/W").shape());
    assertArrayEquals(new long[] {3, 3, 16, 32}, store.get("enc3/down/W").shape());
    assertArrayEquals(new long[] {2, 2, 16, 32}, store.get("dec2/up/W").shape());
    assertArrayEquals(new long[] {3, 3, 32, 16}, store.get("dec2/conv/W").shape());
    assertArrayEquals(new long[] {4, 1}, store.get("head/W").shape());
  }

  /** One derivative of every parameter tensor (skip connections, joins, up-convolutions) and of the input. */
  @Test
  void gradientsMatchFiniteDifferences() {
    GradientCheck.check(b -> new UNet(TINY, b), new long[] {2, 8, 8, TINY.inputChannels()}, new long[] {2, 8, 8, 1}, 0, 10);
  }

  @Test
  void gradientsMatchFiniteDifferencesWithoutPriorIn25d() {
    SegmentationConfig config = TINY.toBuilder().neighbours(1).usePrior(false).depth(1).build();
    GradientCheck.check(b -> new UNet(config, b), new long[] {2, 8, 8, 6}, new long[] {2, 8, 8, 1}, 0, 5);
  }

  private static final SegmentationConfig TINY_TEXT = TINY.toBuilder().text(new TextFusionConfig(true, 6, 4)).build();

  @Test
  void anUntrainedTextPathIsTheIdentity() {
    SegmentationConfig config = SegmentationConfig.builder().size(16).neighbours(0).baseFilters(4).depth(2).build();
    ParameterStore.Builder plainParams = ParameterStore.builder();
    UNet plain = new UNet(config, plainParams);
    ParameterStore plainStore = plainParams.build(5);
    ParameterStore.Builder textParams = ParameterStore.builder();
    UNet withText = new UNet(config.toBuilder().text(new TextFusionConfig(true, 10, 8)).build(), textParams);
    ParameterStore textStore = textParams.build(5);
    assertEquals(plainStore.names(), textStore.names().subList(0, plainStore.names().size()),
        "the image parameters come first, in the same order");
    INDArray x = Nd4j.rand(DataType.FLOAT, 3, 16, 16, config.inputChannels());
    INDArray text = Nd4j.rand(DataType.FLOAT, 3, 1, 1, 10);
    assertEquals(plain.forward(x).dup(), withText.forward(x, text));
    assertEquals(List.of("text/hidden", "text/film0", "text/film1"),
        withText.layers().subList(plain.layers().size(), withText.layers().size()).stream().map(Layer::name).toList());
    assertArrayEquals(new long[] {8, 2 * 8}, textStore.get("text/film1/W").shape(), "level 1 has 8 channels: γ and β");
  }

  @Test
  void textFeaturesAreRequiredExactlyWhenTheTextPathExists() {
    ParameterStore.Builder b = ParameterStore.builder();
    UNet withText = new UNet(TINY_TEXT, b);
    b.build(1);
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 8, 8, TINY.inputChannels());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withText.forward(x));
    assertTrue(e.getMessage().contains("text features are required"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> withText.forward(x, Nd4j.rand(DataType.FLOAT, 2, 1, 1, 5)));
    assertTrue(e.getMessage().contains("[batch, 1, 1, 6]"), e.getMessage());
  }

  /** Every parameter tensor of the text path, through FiLM at both decoder levels (FiLM heads made non-zero). */
  @Test
  void gradientsMatchFiniteDifferencesWithText() {
    INDArray text = Nd4j.rand(DataType.FLOAT, 2, 1, 1, 6);
    GradientCheck.check(b -> new TextConditionedUNet(new UNet(TINY_TEXT, b), text),
        new long[] {2, 8, 8, TINY.inputChannels()}, new long[] {2, 8, 8, 1}, 0, 5);
  }

  /** The U-Net with fixed report features, as a one-input layer for {@link GradientCheck}. */
  private record TextConditionedUNet(UNet net, INDArray text) implements Layer {
    @Override
    public String name() {
      return "unet+text";
    }

    @Override
    public int inputChannels() {
      return net.inputChannels();
    }

    @Override
    public int outputChannels() {
      return 1;
    }

    @Override
    public INDArray forward(INDArray input) {
      return net.forward(input, text);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
      return net.backward(gradOutput);
    }
  }
}
