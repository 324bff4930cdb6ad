package io.petal.models.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One named trainable tensor: a slice of a {@link ParameterStore}'s flat value and gradient
 * vectors, seen through views of its own shape.
 *
 * <p>Created by {@link ParameterStore.Builder#add}; its {@link #value()} and {@link #gradient()}
 * views exist once the store has been built.
 */
public final class Parameter {
  /** How a parameter is initialised when the store is built. */
  public enum Init {
    /** Zeros (biases). */
    ZERO,
    /** He (Kaiming) uniform, U(±sqrt(6 / fanIn)): weights followed by a ReLU. */
    HE_UNIFORM,
    /** LeCun uniform, U(±sqrt(3 / fanIn)): weights of a linear output. */
    LECUN_UNIFORM
  }

  private final String name;
  private final long[] shape;
  private final long offset;
  private final long length;
  private final Init init;
  private final long fanIn;
  private INDArray value;
  private INDArray gradient;

  Parameter(String name, long[] shape, long offset, Init init, long fanIn) {
    this.name = name;
    this.shape = shape.clone();
    this.offset = offset;
    this.length = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    this.init = init;
    this.fanIn = fanIn;
  }

  void bind(INDArray value, INDArray gradient) {
    this.value = value;
    this.gradient = gradient;
  }

  /** Unique name, e.g. {@code pet_encoder/down0/W}. */
  public String name() {
    return name;
  }

  /** Shape of the tensor (a copy). */
  public long[] shape() {
    return shape.clone();
  }

  /** First element in the store's flat vector. */
  public long offset() {
    return offset;
  }

  /** Number of elements. */
  public long length() {
    return length;
  }

  Init init() {
    return init;
  }

  long fanIn() {
    return fanIn;
  }

  /** The current values: a view into the store's flat parameter vector. */
  public INDArray value() {
    requireBound();
    return value;
  }

  /** The gradient of the last backward pass: a view into the store's flat gradient vector. */
  public INDArray gradient() {
    requireBound();
    return gradient;
  }

  private void requireBound() {
    if (value == null) {
      throw new IllegalStateException("parameter " + name + " is used before its ParameterStore was built");
    }
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
