package io.petal.models.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The encoder of a U-Net, laid out exactly as {@link io.petal.models.seg.UNet}'s: level 0 at full
 * resolution, levels 1..depth each halving height and width. With f_i = baseFilters·2^i:
 * <ul>
 *   <li>{@code <prefix>enc0/conv1}, {@code <prefix>enc0/conv2}: 3×3 convs to f_0 + ReLU.</li>
 *   <li>{@code <prefix>enc<i>/down} (i = 1..depth): 3×3 conv stride 2 to f_i + ReLU, then
 *       {@code <prefix>enc<i>/conv}: 3×3 conv + ReLU.</li>
 * </ul>
 * Parameters are {@code <layer>/W} and {@code <layer>/b}, registered level by level. With an
 * empty prefix the names are the U-Net's own, so that the weights of one encoder (e.g. a
 * translation generator's) can initialise another (a segmentation branch) by name.
 *
 * <p>Tensors NHWC float32: input [B, S, S, inputChannels], level i output [B, S/2^i, S/2^i, f_i].
 */
public final class UNetEncoder {
  private final int inputChannels;
  private final List<LayerChain> levels = new ArrayList<>();
  private final INDArray[] outputs;

  /**
   * @param prefix prepended to every layer name (e.g. {@code "t1+t1ce/"}); may be empty
   * @param depth number of stride-2 levels, ≥ 1
   */
  public UNetEncoder(String prefix, int inputChannels, int baseFilters, int depth, ParameterStore.Builder params) {
    if (depth < 1 || baseFilters < 1) {
      throw new IllegalArgumentException(prefix + "encoder: depth and baseFilters must be >= 1, got " + depth + ", "
          + baseFilters);
    }
    this.inputChannels = inputChannels;
    levels.add(new LayerChain(prefix + "enc0", List.of(
        new Conv2d(prefix + "enc0/conv1", inputChannels, baseFilters, 3, 1, true, params),
        new Conv2d(prefix + "enc0/conv2", baseFilters, baseFilters, 3, 1, true, params))));
    for (int i = 1; i <= depth; i++) {
      int f = baseFilters << i;
      levels.add(new LayerChain(prefix + "enc" + i, List.of(
          new Conv2d(prefix + "enc" + i + "/down", f / 2, f, 3, 2, true, params),
          new Conv2d(prefix + "enc" + i + "/conv", f, f, 3, 1, true, params))));
    }
    outputs = new INDArray[depth + 1];
  }

  /** Channels of the input. */
  public int inputChannels() {
    return inputChannels;
  }

  /** Number of stride-2 levels. */
  public int depth() {
    return levels.size() - 1;
  }

  /**
   * The outputs of levels 0..depth for {@code input} [B, S, S, inputChannels] (S divisible by
   * 2^depth); buffers owned by the layers, valid until the next forward on the same input.
   */
  public INDArray[] forward(INDArray input) {
    INDArray h = input;
    for (int i = 0; i < levels.size(); i++) {
      h = levels.get(i).forward(h);
      outputs[i] = h;
    }
    return outputs.clone();
  }

  /**
   * Back-propagates the gradients that arrive at each level's output from outside the encoder
   * (skip connections, fusion; {@code levelGradients[depth]} is the bottleneck's), adding to each
   * the gradient coming back from the deeper levels; fills every parameter's gradient.
   * The arrays may be overwritten.
   *
   * @param levelGradients one per level, shaped like that level's output; null where none arrives
   * @return d(loss)/d(input)
   */
  public INDArray backward(INDArray[] levelGradients) {
    if (levelGradients.length != levels.size()) {
      throw new IllegalArgumentException("encoder has " + levels.size() + " levels, got " + levelGradients.length
          + " gradients");
    }
    INDArray g = levelGradients[depth()];
    for (int i = depth(); i >= 0; i--) {
      if (i < depth() && levelGradients[i] != null) {
        // level i's output fed both level i + 1 and the outside: gradients add
        Nd4j.getExecutioner().exec(new AddOp(g, levelGradients[i], g));
      }
      g = levels.get(i).backward(g);
    }
    return g;
  }

  /** The layers, in parameter order. */
  public List<Layer> layers() {
    List<Layer> all = new ArrayList<>();
    for (LayerChain level : levels) {
      all.addAll(level.layers());
    }
    return all;
  }
}
