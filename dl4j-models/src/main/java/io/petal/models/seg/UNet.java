package io.petal.models.seg;

import io.petal.models.nn.ChannelConcat;
import io.petal.models.nn.Conv2d;
import io.petal.models.nn.Layer;
import io.petal.models.nn.LayerChain;
import io.petal.models.nn.ParameterStore;
import io.petal.models.nn.Pointwise;
import io.petal.models.nn.UpConv2x2;
import io.petal.models.text.TextConditioning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The segmentation U-Net: one encoder over the stacked input channels (PET, CT and the prior for
 * PET/CT), a decoder that joins each level's encoder output (skip connection), and a logit head
 * with one channel per output region. All tensors NHWC float32 ([batch, height, width,
 * channels]); input [B, S, S, {@link SegmentationConfig#inputChannels()}], output logits
 * [B, S, S, {@link SegmentationConfig#regions()}] (PET/CT: 1, the lesion).
 *
 * <pre>
 * input ─► enc0 ───────────────────────────── skip ─► dec0/join ─ dec0/conv ─ head ─► logits
 *           └─► enc1 ─────────── skip ─► dec1/join ─ dec1/conv ─ dec0/up ─┘
 *                └─► … enc(depth) ─ dec(depth−1)/up ─┘
 * </pre>
 *
 * With f_i = baseFilters·2^i:
 * <ul>
 *   <li>{@code enc0/conv1}, {@code enc0/conv2}: 3×3 convs to f_0 + ReLU at full resolution.</li>
 *   <li>{@code enc<i>/down} (i = 1..depth): 3×3 conv stride 2 to f_i + ReLU, then
 *       {@code enc<i>/conv}: 3×3 conv + ReLU.</li>
 *   <li>{@code dec<i>/up} (i = depth−1..0): 2×2 stride-2 transposed conv f_(i+1) → f_i + ReLU,
 *       {@code dec<i>/join}: joined with enc_i's output (up first, then skip), {@code dec<i>/conv}:
 *       3×3 conv 2·f_i → f_i + ReLU.</li>
 *   <li>{@code head}: 1×1 conv f_0 → K regions, linear (logits; the loss applies a sigmoid per region).</li>
 * </ul>
 * Parameters are named {@code <layer>/W} and {@code <layer>/b}, registered in that order.
 *
 * <p>With report text on ({@link SegmentationConfig#text()}), a {@link TextConditioning} modulates
 * the output of every {@code dec<i>/conv} by FiLM from the sample's report features [B, 1, 1, D]
 * ({@link #forward(INDArray, INDArray)}); its parameters ({@code text/...}) follow {@code head}.
 */
public final class UNet implements SegmentationNetwork {
  private final int inputChannels;
  private final int regions;
  private final List<LayerChain> encoder = new ArrayList<>();
  private final List<UpConv2x2> ups = new ArrayList<>();
  private final List<ChannelConcat> joins = new ArrayList<>();
  private final List<Conv2d> decoderConvs = new ArrayList<>();
  private final Pointwise head;
  /** The report-text path, or null when text is off. */
  private final TextConditioning text;
  private final INDArray[] skips;
  private final INDArray[] skipGradients;

  /** Declares every layer's parameters in {@code params} (build the store afterwards). */
  public UNet(SegmentationConfig config, ParameterStore.Builder params) {
    int depth = config.depth();
    inputChannels = config.inputChannels();
    regions = config.regions();
    int f0 = config.levelFilters(0);
    encoder.add(new LayerChain("enc0", List.of(
        new Conv2d("enc0/conv1", inputChannels, f0, 3, 1, true, params),
        new Conv2d("enc0/conv2", f0, f0, 3, 1, true, params))));
    for (int i = 1; i <= depth; i++) {
      int f = config.levelFilters(i);
      encoder.add(new LayerChain("enc" + i, List.of(
          new Conv2d("enc" + i + "/down", config.levelFilters(i - 1), f, 3, 2, true, params),
          new Conv2d("enc" + i + "/conv", f, f, 3, 1, true, params))));
    }
    UpConv2x2[] up = new UpConv2x2[depth];
    Conv2d[] conv = new Conv2d[depth];
    for (int i = depth - 1; i >= 0; i--) {
      int f = config.levelFilters(i);
      up[i] = new UpConv2x2("dec" + i + "/up", config.levelFilters(i + 1), f, true, params);
      conv[i] = new Conv2d("dec" + i + "/conv", 2 * f, f, 3, 1, true, params);
    }
    for (int i = 0; i < depth; i++) {
      ups.add(up[i]);
      joins.add(new ChannelConcat("dec" + i + "/join"));
      decoderConvs.add(conv[i]);
    }
    head = new Pointwise("head", f0, regions, false, params);
    int[] levelChannels = new int[depth];
    Arrays.setAll(levelChannels, config::levelFilters);
    text = config.text().enabled() ? new TextConditioning(config.text(), levelChannels, params) : null;
    skips = new INDArray[depth];
    skipGradients = new INDArray[depth];
  }

  @Override
  public String name() {
    return "unet";
  }

  @Override
  public int inputChannels() {
    return inputChannels;
  }

  @Override
  public int outputChannels() {
    return regions;
  }

  /**
   * Logits [B, S, S, regions] of {@code input} [B, S, S, inputChannels] (buffer owned by the
   * network); text must be off.
   */
  @Override
  public INDArray forward(INDArray input) {
    return forward(input, null);
  }

  /**
   * Logits [B, S, S, regions] of {@code input} [B, S, S, inputChannels] conditioned on {@code textFeatures}
   * [B, 1, 1, D], the samples' report features; null exactly when text is off.
   */
  @Override
  public INDArray forward(INDArray input, INDArray textFeatures) {
    if ((text == null) != (textFeatures == null)) {
      throw new IllegalArgumentException(text == null ? "text features given, but the U-Net has no text path"
          : "the U-Net has a text path: text features are required");
    }
    if (text != null) {
      text.encode(textFeatures);
    }
    INDArray h = input;
    for (int i = 0; i < encoder.size(); i++) {
      h = encoder.get(i).forward(h);
      if (i < skips.length) {
        skips[i] = h;
      }
    }
    for (int i = skips.length - 1; i >= 0; i--) {
      h = decoderConvs.get(i).forward(joins.get(i).forward(ups.get(i).forward(h), skips[i]));
      if (text != null) {
        h = text.modulate(i, h);
      }
    }
    return head.forward(h);
  }

  /**
   * Back-propagates d(loss)/d(logits) (may be overwritten), fills every parameter's gradient and
   * returns d(loss)/d(input).
   */
  @Override
  public INDArray backward(INDArray gradLogits) {
    INDArray g = head.backward(gradLogits);
    for (int i = 0; i < skips.length; i++) {
      if (text != null) {
        g = text.backwardModulation(i, g);
      }
      INDArray[] split = joins.get(i).backward(decoderConvs.get(i).backward(g));
      skipGradients[i] = split[1];
      g = ups.get(i).backward(split[0]);
    }
    for (int i = encoder.size() - 1; i >= 0; i--) {
      if (i < skips.length) {
        // the encoder output fed both the next level and the skip connection: gradients add
        Nd4j.getExecutioner().exec(new AddOp(g, skipGradients[i], g));
      }
      g = encoder.get(i).backward(g);
    }
    if (text != null) {
      text.backward();
    }
    return g;
  }

  /**
   * Every layer with parameters, in parameter order: encoder levels 0..depth, decoder levels
   * depth−1..0, head, then the text path's layers when text is on.
   */
  public List<Layer> layers() {
    List<Layer> all = new ArrayList<>();
    for (LayerChain level : encoder) {
      all.addAll(level.layers());
    }
    for (int i = skips.length - 1; i >= 0; i--) {
      all.add(ups.get(i));
      all.add(decoderConvs.get(i));
    }
    all.add(head);
    if (text != null) {
      all.addAll(text.layers());
    }
    return all;
  }
}
