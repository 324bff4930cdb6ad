package io.petal.models.nn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Feature-wise linear modulation (FiLM) of an NHWC tensor by a per-sample condition:
 * {@code y[n, y, x, c] = h[n, y, x, c]·(1 + γ[n, c]) + β[n, c]}. No parameters of its own: γ and β
 * come from another layer (e.g. a dense layer over a report's text features), and γ = β = 0 is the
 * identity.
 *
 * <p>Shapes: {@code h} and {@code y} [batch, height, width, C]; the condition [batch, 1, 1, 2·C],
 * γ in channels 0..C−1, β in C..2C−1. Backward gives dL/dh = dL/dy·(1 + γ) and
 * dL/dγ[n, c] = Σ_yx dL/dy·h, dL/dβ[n, c] = Σ_yx dL/dy, in the condition's layout.
 *
 * <p>Buffers are kept per input shape. The backward pass overwrites this layer's output (used as
 * scratch) and its {@code gradOutput}, but never {@code h}, which the layer before may still need
 * (a ReLU's mask is computed from its output).
 */
public final class FeatureModulation {
  private static final int MAX_BINDINGS = 8;

  private final String name;
  private final int channels;
  private final Map<List<Long>, Buffers> byShape = new HashMap<>();
  private Buffers current;

  /** @param channels C, the channels of the modulated tensor */
  public FeatureModulation(String name, int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException(name + ": channels must be positive, got " + channels);
    }
    this.name = name;
    this.channels = channels;
  }

  public String name() {
    return name;
  }

  /** C: channels of the modulated tensor (the condition has 2·C). */
  public int channels() {
    return channels;
  }

  /**
   * {@code h·(1 + γ) + β}.
   *
   * @param h [batch, height, width, C], contiguous float32
   * @param condition [batch, 1, 1, 2·C]: γ then β
   * @return [batch, height, width, C], a buffer owned by this layer
   */
  public INDArray forward(INDArray h, INDArray condition) {
    long[] s = h.shape();
    if (s.length != 4 || s[3] != channels || h.dataType() != DataType.FLOAT || !isContiguous(h)) {
      throw new IllegalArgumentException(name + ": expected a contiguous float32 NHWC tensor with " + channels
          + " channels, got " + h.dataType() + " " + Arrays.toString(s));
    }
    if (!Arrays.equals(condition.shape(), new long[] {s[0], 1, 1, 2L * channels})) {
      throw new IllegalArgumentException(name + ": condition must be [" + s[0] + ", 1, 1, " + 2 * channels + "], got "
          + Arrays.toString(condition.shape()));
    }
    Buffers b = byShape.get(Arrays.stream(s).boxed().toList());
    if (b == null) {
      if (byShape.size() >= MAX_BINDINGS) {
        byShape.clear();
      }
      b = new Buffers(s);
      byShape.put(Arrays.stream(s).boxed().toList(), b);
    }
    current = b;
    INDArray pairs = condition.reshape('c', s[0], 2L * channels);
    b.scale2d.assign(pairs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, channels))).addi(1.0);
    b.shift2d.assign(pairs.get(NDArrayIndex.all(), NDArrayIndex.interval(channels, 2 * channels)));
    b.bindInput(h);
    b.scaleInput.run();
    b.addShift.run();
    return b.output;
  }

  /**
   * Back-propagates {@code gradOutput} ([batch, height, width, C], overwritten) through the last
   * forward.
   *
   * @return {dL/dh [batch, height, width, C] (the {@code gradOutput} array), dL/dcondition
   *     [batch, 1, 1, 2·C] (a buffer owned by this layer)}
   */
  public INDArray[] backward(INDArray gradOutput) {
    if (current == null) {
      throw new IllegalStateException(name + ": backward before forward");
    }
    Buffers b = current;
    if (!Arrays.equals(gradOutput.shape(), b.output.shape()) || !isContiguous(gradOutput)) {
      throw new IllegalArgumentException(name + ": gradient must be a contiguous " + Arrays.toString(b.output.shape())
          + " tensor, got " + Arrays.toString(gradOutput.shape()));
    }
    b.bindGradient(gradOutput);
    b.gradientTimesInput.run();
    b.pixels(b.output).sum(b.gradGamma, 1);
    b.boundGradient3d.sum(b.gradBeta, 1);
    INDArray pairs = b.gradCondition.reshape('c', b.gradGamma.size(0), 2L * channels);
    pairs.get(NDArrayIndex.all(), NDArrayIndex.interval(0, channels)).assign(b.gradGamma);
    pairs.get(NDArrayIndex.all(), NDArrayIndex.interval(channels, 2 * channels)).assign(b.gradBeta);
    b.scaleGradient.run();
    return new INDArray[] {gradOutput, b.gradCondition};
  }

  private static boolean isContiguous(INDArray a) {
    return a.ordering() == 'c' && Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'));
  }

  /**
   * Buffers for one input shape [B, H, W, C], and the native calls bound to them and to the last
   * input and gradient arrays; tensors are seen as [B, H·W, C] for broadcasting.
   */
  private final class Buffers {
    final long batch;
    final long pixels;
    final INDArray output;
    /** 1 + γ, [B, 1, C], and its [B, C] view. */
    final INDArray scale;
    final INDArray scale2d;
    /** β, [B, 1, C], and its [B, C] view. */
    final INDArray shift;
    final INDArray shift2d;
    final INDArray gradGamma;
    final INDArray gradBeta;
    final INDArray gradCondition;

    Buffers(long[] s) {
      batch = s[0];
      pixels = s[1] * s[2];
      output = Nd4j.create(DataType.FLOAT, s);
      scale = Nd4j.create(DataType.FLOAT, batch, 1, channels);
      scale2d = scale.reshape('c', batch, channels);
      shift = Nd4j.create(DataType.FLOAT, batch, 1, channels);
      shift2d = shift.reshape('c', batch, channels);
      gradGamma = Nd4j.create(DataType.FLOAT, batch, channels);
      gradBeta = Nd4j.create(DataType.FLOAT, batch, channels);
      gradCondition = Nd4j.create(DataType.FLOAT, batch, 1, 1, 2L * channels);
    }

    private INDArray boundInput;
    private INDArray boundGradient;
    INDArray boundGradient3d;
    /** output = input·scale, output += shift. */
    NativeOp scaleInput;
    NativeOp addShift;
    /** output = gradient·input (scratch for dL/dγ), gradient ·= scale. */
    NativeOp gradientTimesInput;
    NativeOp scaleGradient;

    INDArray pixels(INDArray nhwc) {
      return nhwc.reshape('c', batch, pixels, channels);
    }

    void bindInput(INDArray h) {
      if (h != boundInput) {
        INDArray y3 = pixels(output);
        scaleInput = NativeOp.of("multiply", new INDArray[] {pixels(h), scale}, new INDArray[] {y3});
        addShift = NativeOp.of("add", new INDArray[] {y3, shift}, new INDArray[] {y3});
        boundInput = h;
        boundGradient = null;
      }
    }

    void bindGradient(INDArray g) {
      if (g != boundGradient) {
        boundGradient3d = pixels(g);
        gradientTimesInput = NativeOp.of("multiply", new INDArray[] {boundGradient3d, pixels(boundInput)},
            new INDArray[] {pixels(output)});
        scaleGradient = NativeOp.of("multiply", new INDArray[] {boundGradient3d, scale}, new INDArray[] {boundGradient3d});
        boundGradient = g;
      }
    }
  }
}
