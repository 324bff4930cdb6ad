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
 * Joins two NHWC tensors of equal batch and spatial size along the channel axis; backward splits
 * the gradient into two contiguous buffers. Buffers are kept per first input array.
 */
public final class ChannelConcat {
  private static final int MAX_BINDINGS = 8;

  private final String name;
  private final Map<INDArray, Binding> bindings = new IdentityHashMap<>();
  private Binding current;

  public ChannelConcat(String name) {
    this.name = name;
  }

  /** [B, H, W, Ca] and [B, H, W, Cb] → [B, H, W, Ca + Cb], first's channels first. */
  public INDArray forward(INDArray first, INDArray second) {
    Binding b = bindings.get(first);
    if (b == null || b.second != second) {
      if (bindings.size() >= MAX_BINDINGS) {
        bindings.clear();
      }
      b = new Binding(first, second);
      bindings.put(first, b);
    }
    current = b;
    b.concat.run();
    return b.output;
  }

  /** The gradients with respect to the two inputs of the last forward, in order. */
  public INDArray[] backward(INDArray gradOutput) {
    if (current == null) {
      throw new IllegalStateException(name + ": backward before forward");
    }
    long split = current.gradFirst.size(3);
    INDArrayIndex all = NDArrayIndex.all();
    current.gradFirst.assign(gradOutput.get(all, all, all, NDArrayIndex.interval(0, split)));
    current.gradSecond.assign(gradOutput.get(all, all, all, NDArrayIndex.interval(split, gradOutput.size(3))));
    return new INDArray[] {current.gradFirst, current.gradSecond};
  }

  private final class Binding {
    final INDArray second;
    final INDArray output;
    final INDArray gradFirst;
    final INDArray gradSecond;
    final NativeOp concat;

    Binding(INDArray first, INDArray second) {
      long[] a = first.shape();
      long[] b = second.shape();
      if (a.length != 4 || b.length != 4 || a[0] != b[0] || a[1] != b[1] || a[2] != b[2]) {
        throw new IllegalArgumentException(name + ": cannot join NHWC shapes " + Arrays.toString(a) + " and " + Arrays.toString(b));
      }
      this.second = second;
      output = Nd4j.create(DataType.FLOAT, a[0], a[1], a[2], a[3] + b[3]);
      gradFirst = Nd4j.create(DataType.FLOAT, a);
      gradSecond = Nd4j.create(DataType.FLOAT, b);
      concat = NativeOp.of("concat", new INDArray[] {first, second}, new INDArray[] {output}, 3);
    }
  }
}
