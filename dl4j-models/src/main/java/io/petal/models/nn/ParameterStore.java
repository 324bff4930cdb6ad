package io.petal.models.nn;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * All trainable parameters of a network in one flat float32 vector, with a gradient vector of the
 * same length.
 *
 * <p>One flat vector makes the optimizer one native call per step, and makes parameter averaging
 * across Spark executors a copy of one {@code float[]}. Each {@link Parameter} is a view of its
 * slice, in registration order.
 */
public final class ParameterStore {
  private final Map<String, Parameter> parameters;
  private final INDArray values;
  private final INDArray gradients;

  private ParameterStore(Map<String, Parameter> parameters, INDArray values, INDArray gradients) {
    this.parameters = parameters;
    this.values = values;
    this.gradients = gradients;
  }

  /** Starts an empty store; layers register their parameters with {@link Builder#add}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of scalar parameters. */
  public long size() {
    return values.length();
  }

  /** Parameter names in registration (= flat vector) order. */
  public List<String> names() {
    return List.copyOf(parameters.keySet());
  }

  /** All parameters in registration order. */
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(new ArrayList<>(parameters.values()));
  }

  /** The parameter called {@code name}; throws when there is none. */
  public Parameter get(String name) {
    Parameter p = parameters.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no parameter named " + name + "; known: " + parameters.keySet());
    }
    return p;
  }

  /** The flat parameter vector, shape [size]; writing to it changes the network. */
  public INDArray values() {
    return values;
  }

  /** The flat gradient vector of the last backward pass, shape [size]. */
  public INDArray gradients() {
    return gradients;
  }

  /** A copy of all parameter values, in flat order. */
  public float[] toArray() {
    float[] out = new float[Math.toIntExact(size())];
    values.data().asNioFloat().get(0, out);
    return out;
  }

  /** Overwrites all parameter values from {@code flat} (length {@link #size()}). */
  public void setFrom(float[] flat) {
    if (flat.length != size()) {
      throw new IllegalArgumentException("parameter vector has " + flat.length + " values, the network needs " + size());
    }
    values.data().asNioFloat().put(0, flat);
  }

  /** Collects parameter declarations, then allocates and initialises them all at once. */
  public static final class Builder {
    private final Map<String, Parameter> declared = new LinkedHashMap<>();
    private long total;
    private boolean built;

    private Builder() {}

    /**
     * Declares a parameter.
     *
     * @param name unique name
     * @param shape tensor shape
     * @param init initialisation scheme
     * @param fanIn inputs per output unit (kernel height × width × input channels), for the scheme
     */
    public Parameter add(String name, long[] shape, Parameter.Init init, long fanIn) {
      if (built) {
        throw new IllegalStateException("store already built; cannot add " + name);
      }
      if (declared.containsKey(name)) {
        throw new IllegalArgumentException("duplicate parameter name " + name);
      }
      Parameter p = new Parameter(name, shape, total, init, fanIn);
      declared.put(name, p);
      total += p.length();
      return p;
    }

    /** Allocates the flat vectors, binds every parameter's views and initialises the values from {@code seed}. */
    public ParameterStore build(long seed) {
      if (built) {
        throw new IllegalStateException("store already built");
      }
      built = true;
      INDArray values = Nd4j.create(DataType.FLOAT, Math.max(total, 1));
      INDArray gradients = Nd4j.create(DataType.FLOAT, Math.max(total, 1));
      SplittableRandom random = new SplittableRandom(seed);
      FloatBuffer buffer = values.data().asNioFloat();
      for (Parameter p : declared.values()) {
        initialise(p, buffer, random);
        p.bind(slice(values, p), slice(gradients, p));
      }
      return new ParameterStore(Collections.unmodifiableMap(new LinkedHashMap<>(declared)), values, gradients);
    }

    private static INDArray slice(INDArray flat, Parameter p) {
      long[] shape = p.shape();
      return Nd4j.create(flat.data(), shape, Nd4j.getStrides(shape, 'c'), p.offset(), 'c');
    }

    private static void initialise(Parameter p, FloatBuffer buffer, SplittableRandom random) {
      double bound = switch (p.init()) {
        case ZERO -> 0;
        case HE_UNIFORM -> Math.sqrt(6.0 / p.fanIn());
        case LECUN_UNIFORM -> Math.sqrt(3.0 / p.fanIn());
      };
      int start = Math.toIntExact(p.offset());
      for (int i = 0; i < p.length(); i++) {
        buffer.put(start + i, bound == 0 ? 0f : (float) random.nextDouble(-bound, bound));
      }
    }
  }
}
