package io.petal.models;

import io.petal.models.nn.AdamOptimizer;
import io.petal.models.nn.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A network whose whole trainable state is flat float vectors: its parameters and its optimizer's
 * state. This is what parameter averaging across Spark executors and {@link ModelArchive} need.
 *
 * <p>The vectors are in the fixed order of {@link #parameterNames()}; two models made from equal
 * configurations have equal orders, so their vectors can be averaged element by element.
 */
public interface TrainableModel {
  /** The hyper-parameters as string properties, readable by the model's configuration class. */
  Properties configProperties();

  /** The model's parameters (values and gradients, fixed order). */
  ParameterStore parameterStore();

  /** The model's Adam optimizer. */
  AdamOptimizer optimizer();

  /** Parameter names in the order of {@link #getParams()}. */
  default List<String> parameterNames() {
    return parameterStore().names();
  }

  /** Shape of the named parameter. */
  default long[] parameterShape(String name) {
    return parameterStore().get(name).shape();
  }

  /** Number of trainable scalars. */
  default long parameterCount() {
    return parameterStore().size();
  }

  /** A copy of all parameters as one flat vector. */
  default float[] getParams() {
    return parameterStore().toArray();
  }

  /** Replaces all parameters (e.g. by the average over executors). */
  default void setParams(float[] flat) {
    parameterStore().setFrom(flat);
  }

  /** A copy of the optimizer's state (Adam: m then v, each {@link #parameterCount()} long). */
  default float[] getOptimizerState() {
    return optimizer().state();
  }

  /** Replaces the optimizer's state and step count. */
  default void setOptimizerState(float[] state, int iteration) {
    optimizer().setState(state, iteration);
  }

  /**
   * Further state the model keeps besides its parameters (e.g. a fitted text vocabulary), as
   * {@link ModelArchive} entries: entry name → bytes. None by default.
   */
  default Map<String, byte[]> archiveEntries() {
    return Map.of();
  }

  /** Training steps taken. */
  default int iteration() {
    return optimizer().iteration();
  }
}
