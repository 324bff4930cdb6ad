package io.petal.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 1×1 convolution written as matrix products over the NHWC tensor seen as [pixels, channels]:
 * Y = X·W + b, dW = Xᵀ·dY, dX = dY·Wᵀ. Optional ReLU. On a [batch, 1, 1, features] tensor it is a
 * fully connected (dense) layer.
 *
 * <p>Weights [inChannels, outChannels], bias [outChannels]. libnd4j's oneDNN convolution pads
 * channels to blocks of 16 and reorders every tensor on every call, so a 1×1 convolution with few
 * output channels at full resolution (an output head) measured over 10× slower through
 * {@code conv2d_bp} than as two GEMMs.
 */
public final class Pointwise extends ConvolutionLayer {

  /** Weights He-initialised when a ReLU follows, else LeCun; zero bias. */
  public Pointwise(String name, int inChannels, int outChannels, boolean relu, ParameterStore.Builder params) {
    super(name, inChannels, outChannels, relu, new long[] {inChannels, outChannels}, inChannels, params);
  }

  /**
   * With the weights' initialisation given: {@link Parameter.Init#ZERO} makes a layer whose output
   * is 0 (its bias) until training moves it, e.g. a conditioning head that starts as the identity.
   */
  public Pointwise(String name, int inChannels, int outChannels, boolean relu, Parameter.Init weightInit,
      ParameterStore.Builder params) {
    super(name, inChannels, outChannels, relu, new long[] {inChannels, outChannels}, inChannels, weightInit, params);
  }

  @Override
  long outputSize(long inputSize) {
    return inputSize;
  }

  private static INDArray matrix(INDArray nhwc) {
    long channels = nhwc.size(3);
    return nhwc.reshape('c', nhwc.length() / channels, channels);
  }

  @Override
  Runnable[] forwardCalls(INDArray input, INDArray output) {
    INDArray x = matrix(input);
    INDArray y = matrix(output);
    INDArray w = weight.value();
    return new Runnable[] {
        () -> Nd4j.gemm(x, w, y, false, false, 1.0, 0.0),
        NativeOp.withBooleans("biasadd", new INDArray[] {output, bias.value()}, new INDArray[] {output}, false)};
  }

  @Override
  Runnable backwardCall(INDArray input, INDArray gradOutput, INDArray gradInput) {
    INDArray x = matrix(input);
    INDArray gy = matrix(gradOutput);
    INDArray gx = matrix(gradInput);
    INDArray w = weight.value();
    INDArray gw = weight.gradient();
    return () -> {
      Nd4j.gemm(x, gy, gw, true, false, 1.0, 0.0);
      Nd4j.gemm(gy, w, gx, false, true, 1.0, 0.0);
    };
  }
}
