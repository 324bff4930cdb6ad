package io.petal.models;

import java.util.List;
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

  /** Parameter names in the order of {@link #getParams()}. */
  List<String> parameterNames();

  /** Shape of the named parameter. */
  long[] parameterShape(String name);

  /** Number of trainable scalars. */
  long parameterCount();

  /** A copy of all parameters as one flat vector. */
  float[] getParams();

  /** Replaces all parameters (e.g. by the average over executors). */
  void setParams(float[] flat);

  /** A copy of the optimizer's state as one flat vector. */
  float[] getOptimizerState();

  /** Replaces the optimizer's state and step count. */
  void setOptimizerState(float[] state, int iteration);

  /** Training steps taken. */
  int iteration();
}
