package io.petal.training;

import io.petal.models.TrainableModel;
import java.io.Serializable;

/**
 * What parameter averaging moves between the driver and the workers: every weight, the
 * optimizer's state and the step count, as flat float vectors in the model's
 * {@link TrainableModel#parameterNames()} order.
 */
public record ModelState(float[] params, float[] optimizer, int iteration) implements Serializable {
  /** A copy of the model's state. */
  public static ModelState of(TrainableModel model) {
    return new ModelState(model.getParams(), model.getOptimizerState(), model.iteration());
  }

  /** Overwrites the model's weights, optimizer state and step count with this state. */
  public void applyTo(TrainableModel model) {
    model.setParams(params);
    model.setOptimizerState(optimizer, iteration);
  }
}
