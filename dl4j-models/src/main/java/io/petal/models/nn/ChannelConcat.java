package io.petal.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Joins two NHWC tensors of equal batch and spatial size along the channel axis; backward splits
 * the gradient into two contiguous buffers. The two-input case of {@link ChannelStack}.
 */
public final class ChannelConcat {
  private final ChannelStack stack;

  public ChannelConcat(String name) {
    this.stack = new ChannelStack(name);
  }

  /** [B, H, W, Ca] and [B, H, W, Cb] → [B, H, W, Ca + Cb], first's channels first. */
  public INDArray forward(INDArray first, INDArray second) {
    return stack.forward(first, second);
  }

  /** The gradients with respect to the two inputs of the last forward, in order. */
  public INDArray[] backward(INDArray gradOutput) {
    return stack.backward(gradOutput);
  }
}
