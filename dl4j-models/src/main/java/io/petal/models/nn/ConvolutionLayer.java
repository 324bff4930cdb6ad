package io.petal.models.nn;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Common part of the convolution layers: a weight and a bias parameter, an optional ReLU, NHWC
 * buffers reused across steps, and the bias gradient.
 *
 * <p>Subclasses say how the spatial size changes and which native calls compute the forward and
 * backward passes. The backward calls never compute the bias gradient: libnd4j's oneDNN backward
 * kernels measured 1.5-1.7× slower with it folded in than without it plus a separate reduction
 * (a matrix-vector product, see {@link ChannelSums}).
 *
 * <p>Buffers and bound native calls are kept per input array (a few at most: one per
 * micro-batch size), so alternating between inputs allocates nothing.
 */
abstract class ConvolutionLayer implements Layer {
  private static final int MAX_BINDINGS = 8;

  private final String name;
  private final int inChannels;
  private final int outChannels;
  private final boolean relu;
  protected final Parameter weight;
  protected final Parameter bias;
  private final Map<INDArray, Binding> bindings = new IdentityHashMap<>();
  private Binding current;

  ConvolutionLayer(String name, int inChannels, int outChannels, boolean relu, long[] weightShape, long fanIn,
      ParameterStore.Builder params) {
    this(name, inChannels, outChannels, relu, weightShape, fanIn,
        relu ? Parameter.Init.HE_UNIFORM : Parameter.Init.LECUN_UNIFORM, params);
  }

  /** As above with the weights' initialisation given (e.g. {@link Parameter.Init#ZERO} for an output that starts at 0). */
  ConvolutionLayer(String name, int inChannels, int outChannels, boolean relu, long[] weightShape, long fanIn,
      Parameter.Init weightInit, ParameterStore.Builder params) {
    if (inChannels < 1 || outChannels < 1) {
      throw new IllegalArgumentException(name + ": channel counts must be positive, got " + inChannels + " -> " + outChannels);
    }
    this.name = name;
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.relu = relu;
    this.weight = params.add(name + "/W", weightShape, weightInit, fanIn);
    this.bias = params.add(name + "/b", new long[] {outChannels}, Parameter.Init.ZERO, fanIn);
  }

  /** Output height or width for an input height or width. */
  abstract long outputSize(long inputSize);

  /** The native calls that write {@code output} (without ReLU) from {@code input}, the weights and the bias. */
  abstract Runnable[] forwardCalls(INDArray input, INDArray output);

  /** The native call that writes {@code gradInput} and the weight gradient from {@code input} and {@code gradOutput}. */
  abstract Runnable backwardCall(INDArray input, INDArray gradOutput, INDArray gradInput);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int inputChannels() {
    return inChannels;
  }

  @Override
  public final int outputChannels() {
    return outChannels;
  }

  /** The weight parameter (layout documented by the subclass). */
  public final Parameter weight() {
    return weight;
  }

  /** The bias parameter, shape [outputChannels]. */
  public final Parameter bias() {
    return bias;
  }

  @Override
  public final INDArray forward(INDArray x) {
    Binding b = bindings.get(x);
    if (b == null) {
      if (bindings.size() >= MAX_BINDINGS) {
        bindings.clear();
      }
      b = new Binding(x);
      bindings.put(x, b);
    }
    current = b;
    return b.forward();
  }

  @Override
  public final INDArray backward(INDArray gradOutput) {
    if (current == null) {
      throw new IllegalStateException(name + ": backward before forward");
    }
    return current.backward(gradOutput);
  }

  /** Buffers and bound native calls for one input array. */
  private final class Binding {
    private final INDArray input;
    private final INDArray output;
    private final Runnable[] forwardCalls;
    private final ChannelSums biasGradient;
    private INDArray gradInput;
    private INDArray boundGradOutput;
    private Runnable backwardCall;

    Binding(INDArray x) {
      long[] s = x.shape();
      if (s.length != 4 || s[3] != inChannels || x.dataType() != DataType.FLOAT || x.ordering() != 'c'
          || !Arrays.equals(x.stride(), Nd4j.getStrides(s, 'c'))) {
        throw new IllegalArgumentException(name + ": expected a contiguous float32 NHWC input with " + inChannels
            + " channels, got " + x.dataType() + " " + Arrays.toString(s) + " strides " + Arrays.toString(x.stride()));
      }
      input = x;
      output = Nd4j.create(DataType.FLOAT, s[0], outputSize(s[1]), outputSize(s[2]), outChannels);
      forwardCalls = forwardCalls(x, output);
      biasGradient = new ChannelSums(bias.gradient());
    }

    INDArray forward() {
      for (Runnable call : forwardCalls) {
        call.run();
      }
      if (relu) {
        Relu.forwardInPlace(output);
      }
      return output;
    }

    INDArray backward(INDArray gradOutput) {
      if (!Arrays.equals(gradOutput.shape(), output.shape())) {
        throw new IllegalArgumentException(name + ": gradient shape " + Arrays.toString(gradOutput.shape())
            + " differs from output shape " + Arrays.toString(output.shape()));
      }
      if (relu) {
        Relu.backwardInPlace(gradOutput, output);
      }
      if (gradOutput != boundGradOutput) {
        if (gradInput == null) {
          gradInput = Nd4j.create(DataType.FLOAT, input.shape());
        }
        backwardCall = backwardCall(input, gradOutput, gradInput);
        boundGradOutput = gradOutput;
      }
      backwardCall.run();
      biasGradient.sum(gradOutput);
      return gradInput;
    }
  }
}
