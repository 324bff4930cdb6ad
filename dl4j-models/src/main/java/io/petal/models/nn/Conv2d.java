package io.petal.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2D convolution with "same" padding, square kernel and stride, optional ReLU. Output spatial size
 * = ceil(input / stride).
 *
 * <p>Weights [kernel, kernel, inChannels, outChannels] (libnd4j's YXIO layout), bias [outChannels].
 * Runs libnd4j's {@code conv2d} / {@code conv2d_bp}, which dispatch to oneDNN on the
 * {@code onednn} builds.
 */
public final class Conv2d extends ConvolutionLayer {
  private final int kernel;
  private final int stride;

  /**
   * @param name layer name; parameters are {@code name/W} and {@code name/b}
   * @param kernel kernel height and width, odd
   * @param stride step in both directions
   * @param relu whether a ReLU follows
   */
  public Conv2d(String name, int inChannels, int outChannels, int kernel, int stride, boolean relu,
      ParameterStore.Builder params) {
    super(name, inChannels, outChannels, relu, new long[] {kernel, kernel, inChannels, outChannels},
        (long) kernel * kernel * inChannels, params);
    if (kernel < 1 || kernel % 2 == 0 || stride < 1) {
      throw new IllegalArgumentException(name + ": kernel must be odd and positive and stride positive, got kernel "
          + kernel + " stride " + stride);
    }
    this.kernel = kernel;
    this.stride = stride;
  }

  @Override
  long outputSize(long inputSize) {
    return (inputSize + stride - 1) / stride;
  }

  private int[] args() {
    // kH, kW, sH, sW, pH, pW, dH, dW, same padding, NHWC, weights YXIO
    return new int[] {kernel, kernel, stride, stride, 0, 0, 1, 1, 1, 1, 0};
  }

  @Override
  Runnable[] forwardCalls(INDArray input, INDArray output) {
    return new Runnable[] {
        NativeOp.of("conv2d", new INDArray[] {input, weight.value(), bias.value()}, new INDArray[] {output}, args())};
  }

  @Override
  Runnable backwardCall(INDArray input, INDArray gradOutput, INDArray gradInput) {
    return NativeOp.of("conv2d_bp", new INDArray[] {input, weight.value(), gradOutput},
        new INDArray[] {gradInput, weight.gradient()}, args());
  }
}
