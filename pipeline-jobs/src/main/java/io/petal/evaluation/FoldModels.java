package io.petal.evaluation;

import java.util.Map;
import java.util.TreeMap;

/**
 * The models one fold trained, as {@link FoldTrainer} wrote them.
 *
 * @param anomalyModel the fold's autoencoder ({@code anomaly.model}), or null when the fold has none
 * @param maskModels method name shown across folds → the fold's model in {@code masks.model}, e.g.
 *     {@code "segmentation" → "segmentation-fold2"}
 */
public record FoldModels(String anomalyModel, Map<String, String> maskModels) {

  public FoldModels {
    maskModels = new TreeMap<>(maskModels);
  }
}
