package io.petal.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam over a whole {@link ParameterStore} in one native call per step.
 *
 * <p>Update (libnd4j {@code adam_updater}): m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
 * θ ← θ − lr·sqrt(1−β2ᵗ)/(1−β1ᵗ) · m / (sqrt(v) + ε). The state (m and v) can be read and
 * replaced, e.g. to average it across Spark executors along with the parameters.
 */
public final class AdamOptimizer {
  private final ParameterStore store;
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final INDArray m;
  private final INDArray v;
  private int iteration;

  /** Adam with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
  public AdamOptimizer(ParameterStore store, double learningRate) {
    this(store, learningRate, 0.9, 0.999, 1e-8);
  }

  public AdamOptimizer(ParameterStore store, double learningRate, double beta1, double beta2, double epsilon) {
    if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
      throw new IllegalArgumentException("Adam needs learningRate > 0, 0 <= beta < 1, epsilon > 0; got lr " + learningRate
          + " beta1 " + beta1 + " beta2 " + beta2 + " epsilon " + epsilon);
    }
    this.store = store;
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.m = Nd4j.create(DataType.FLOAT, store.values().shape());
    this.v = Nd4j.create(DataType.FLOAT, store.values().shape());
  }

  /** Applies the store's current gradients to its values. The gradient vector is overwritten with the applied update. */
  public void step() {
    INDArray g = store.gradients();
    Nd4j.exec(new AdamUpdater(g, v, m, learningRate, beta1, beta2, epsilon, iteration));
    store.values().subi(g);
    iteration++;
  }

  /** Number of steps taken so far. */
  public int iteration() {
    return iteration;
  }

  /** A copy of the state: first the m vector, then the v vector, each {@link ParameterStore#size()} long. */
  public float[] state() {
    int n = Math.toIntExact(store.size());
    float[] out = new float[2 * n];
    m.data().asNioFloat().get(0, out, 0, n);
    v.data().asNioFloat().get(0, out, n, n);
    return out;
  }

  /** Replaces the state (layout as {@link #state()}) and the step count. */
  public void setState(float[] state, int iteration) {
    int n = Math.toIntExact(store.size());
    if (state.length != 2 * n) {
      throw new IllegalArgumentException("Adam state has " + state.length + " values, expected " + 2 * n);
    }
    if (iteration < 0) {
      throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
    }
    m.data().asNioFloat().put(0, state, 0, n);
    v.data().asNioFloat().put(0, state, n, n);
    this.iteration = iteration;
  }
}
