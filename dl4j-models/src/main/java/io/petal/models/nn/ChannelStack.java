package io.petal.models.nn;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Joins any number of NHWC tensors of equal batch and spatial size along the channel axis, in
 * argument order; backward splits the gradient into one contiguous buffer per input. Buffers and
 * the bound native call are kept per first input array (a few at most: one per micro-batch size).
 */
public final class ChannelStack {
  private static final int MAX_BINDINGS = 8;

  private final String name;
  private final Map<INDArray, Binding> bindings = new IdentityHashMap<>();
  private Binding current;

  public ChannelStack(String name) {
    this.name = name;
  }

  /** [B, H, W, C₁], …, [B, H, W, Cₙ] → [B, H, W, C₁ + … + Cₙ], the first input's channels first. */
  public INDArray forward(INDArray... inputs) {
    if (inputs.length == 0) {
      throw new IllegalArgumentException(name + ": nothing to join");
    }
    Binding b = bindings.get(inputs[0]);
    if (b == null || !b.binds(inputs)) {
      if (bindings.size() >= MAX_BINDINGS) {
        bindings.clear();
      }
      b = new Binding(inputs);
      bindings.put(inputs[0], b);
    }
    current = b;
    b.concat.run();
    return b.output;
  }

  /** The gradients with respect to the inputs of the last forward, in order (buffers owned by this layer). */
  public INDArray[] backward(INDArray gradOutput) {
    if (current == null) {
      throw new IllegalStateException(name + ": backward before forward");
    }
    INDArrayIndex all = NDArrayIndex.all();
    long start = 0;
    for (INDArray part : current.gradients) {
      long end = start + part.size(3);
      part.assign(gradOutput.get(all, all, all, NDArrayIndex.interval(start, end)));
      start = end;
    }
    return current.gradients.clone();
  }

  private final class Binding {
    final INDArray[] inputs;
    final INDArray output;
    final INDArray[] gradients;
    final NativeOp concat;

    Binding(INDArray[] inputs) {
      long[] first = inputs[0].shape();
      long channels = 0;
      gradients = new INDArray[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        long[] s = inputs[i].shape();
        if (s.length != 4 || first.length != 4 || s[0] != first[0] || s[1] != first[1] || s[2] != first[2]) {
          throw new IllegalArgumentException(name + ": cannot join NHWC shapes " + Arrays.toString(first) + " and "
              + Arrays.toString(s));
        }
        channels += s[3];
        gradients[i] = Nd4j.create(DataType.FLOAT, s);
      }
      this.inputs = inputs.clone();
      output = Nd4j.create(DataType.FLOAT, first[0], first[1], first[2], channels);
      concat = NativeOp.of("concat", this.inputs, new INDArray[] {output}, 3);
    }

    boolean binds(INDArray[] candidate) {
      if (candidate.length != inputs.length) {
        return false;
      }
      for (int i = 0; i < inputs.length; i++) {
        if (candidate[i] != inputs[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
