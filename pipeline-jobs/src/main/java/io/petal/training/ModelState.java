package io.petal.training;

import io.petal.models.AutoencoderModel;
import java.io.Serializable;

/**
 * What parameter averaging moves between the driver and the workers: every weight, Adam's state
 * (first then second moments) and the step count, as flat float vectors in
 * {@link AutoencoderModel#parameterNames()} order.
 */
public record ModelState(float[] params, float[] optimizer, int iteration) implements Serializable {
  /** A copy of the model's state. */
  public static ModelState of(AutoencoderModel model) {
    return new ModelState(model.getParams(), model.getOptimizerState(), model.iteration());
  }

  /** Overwrites the model's weights, optimizer state and step count with this state. */
  public void applyTo(AutoencoderModel model) {
    model.setParams(params);
    model.setOptimizerState(optimizer, iteration);
  }
}
