package io.petal.models.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The decoder of a U-Net, laid out exactly as {@link io.petal.models.seg.UNet}'s: from the
 * bottleneck (level depth) up to full resolution, each level joined with its skip tensor, then a
 * linear 1×1 head. With f_i = baseFilters·2^i:
 * <ul>
 *   <li>{@code dec<i>/up} (i = depth−1..0): 2×2 stride-2 transposed conv f_(i+1) → f_i + ReLU,
 *       {@code dec<i>/join}: joined with skip i (up first, then skip), {@code dec<i>/conv}: 3×3
 *       conv 2·f_i → f_i + ReLU.</li>
 *   <li>{@code head}: 1×1 conv f_0 → outputChannels, linear.</li>
 * </ul>
 * Parameters {@code <layer>/W}, {@code <layer>/b}, registered from the deepest level up, then the head.
 *
 * <p>Tensors NHWC float32: level i input [B, S/2^i, S/2^i, f_i], output [B, S, S, outputChannels].
 */
public final class UNetDecoder {
  private final List<UpConv2x2> ups = new ArrayList<>();
  private final List<ChannelConcat> joins = new ArrayList<>();
  private final List<Conv2d> convs = new ArrayList<>();
  private final Pointwise head;
  private final INDArray[] levelGradients;

  /** @param depth number of 2× levels, ≥ 1 */
  public UNetDecoder(int baseFilters, int depth, int outputChannels, ParameterStore.Builder params) {
    if (depth < 1 || baseFilters < 1 || outputChannels < 1) {
      throw new IllegalArgumentException("decoder: depth, baseFilters and outputChannels must be >= 1, got " + depth + ", "
          + baseFilters + ", " + outputChannels);
    }
    UpConv2x2[] up = new UpConv2x2[depth];
    Conv2d[] conv = new Conv2d[depth];
    for (int i = depth - 1; i >= 0; i--) {
      int f = baseFilters << i;
      up[i] = new UpConv2x2("dec" + i + "/up", 2 * f, f, true, params);
      conv[i] = new Conv2d("dec" + i + "/conv", 2 * f, f, 3, 1, true, params);
    }
    for (int i = 0; i < depth; i++) {
      ups.add(up[i]);
      joins.add(new ChannelConcat("dec" + i + "/join"));
      convs.add(conv[i]);
    }
    head = new Pointwise("head", baseFilters, outputChannels, false, params);
    levelGradients = new INDArray[depth + 1];
  }

  /** Channels of the output. */
  public int outputChannels() {
    return head.outputChannels();
  }

  /**
   * The head's output [B, S, S, outputChannels] from level tensors 0..depth: {@code levels[depth]}
   * is the bottleneck, the others the skip connections.
   */
  public INDArray forward(INDArray[] levels) {
    if (levels.length != convs.size() + 1) {
      throw new IllegalArgumentException("decoder has " + (convs.size() + 1) + " levels, got " + levels.length + " tensors");
    }
    INDArray h = levels[convs.size()];
    for (int i = convs.size() - 1; i >= 0; i--) {
      h = convs.get(i).forward(joins.get(i).forward(ups.get(i).forward(h), levels[i]));
    }
    return head.forward(h);
  }

  /**
   * Back-propagates d(loss)/d(output) (may be overwritten) and fills every parameter's gradient.
   *
   * @return the gradients with respect to the level tensors of the last forward, indexed as its argument
   */
  public INDArray[] backward(INDArray gradOutput) {
    INDArray g = head.backward(gradOutput);
    for (int i = 0; i < convs.size(); i++) {
      INDArray[] split = joins.get(i).backward(convs.get(i).backward(g));
      levelGradients[i] = split[1];
      g = ups.get(i).backward(split[0]);
    }
    levelGradients[convs.size()] = g;
    return levelGradients.clone();
  }

  /** The layers with parameters, in parameter order. */
  public List<Layer> layers() {
    List<Layer> all = new ArrayList<>();
    for (int i = convs.size() - 1; i >= 0; i--) {
      all.add(ups.get(i));
      all.add(convs.get(i));
    }
    all.add(head);
    return all;
  }
}
