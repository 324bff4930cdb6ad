package io.petal.segmentation;

import io.petal.training.ModelCard;
import java.util.List;
import java.util.Map;

/**
 * The probability at or above which a voxel is labelled as a region, chosen on the validation
 * patients: a network trained with soft Dice beside the cross-entropy over-segments at 0.5 (the
 * Dice term rewards covering the lesion more than it costs to spill over), so {@link ValidationDice}
 * scores each of {@link #CANDIDATES} after every epoch and the card keeps the best as
 * {@value #FIGURE}; {@code segment predict} labels with that of the last epoch, unless told
 * otherwise, and 0.5 for a model trained without validation patients.
 */
public final class LabelThreshold {
  /** The label threshold without validation figures (probability, 0..1). */
  public static final float DEFAULT = 0.5f;
  /** Thresholds scored on the validation patients, ascending (probability, 0..1). */
  public static final double[] CANDIDATES = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99};
  /** Validation figure holding the chosen threshold. */
  public static final String FIGURE = "label_threshold";
  /** Validation figure holding the first region's mean Dice at the chosen threshold. */
  public static final String DICE_FIGURE = "dice_at_label_threshold";

  private LabelThreshold() {}

  /**
   * The candidate with the highest score, the lowest of equal ones.
   *
   * @param score per candidate of {@link #CANDIDATES}, the validation score (NaN: not scored)
   * @return the index of the chosen candidate, or -1 when every score is NaN
   */
  static int best(double[] score) {
    int best = -1;
    for (int i = 0; i < score.length; i++) {
      if (!Double.isNaN(score[i]) && (best < 0 || score[i] > score[best])) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The threshold a model's labels take: {@code override} when given, else the last epoch's
   * {@value #FIGURE}, else {@link #DEFAULT}.
   *
   * @param override a threshold in (0, 1), or null
   */
  public static float of(ModelCard card, Float override) {
    if (override != null) {
      if (!(override > 0 && override < 1)) {
        throw new IllegalArgumentException("label threshold must lie in (0, 1), got " + override);
      }
      return override;
    }
    List<ModelCard.EpochRecord> epochs = card.epochs();
    Map<String, Double> last = epochs == null || epochs.isEmpty() ? Map.of() : epochs.get(epochs.size() - 1).validation();
    Double chosen = last == null ? null : last.get(FIGURE);
    return chosen == null || chosen.isNaN() ? DEFAULT : chosen.floatValue();
  }
}
