package io.petal.baselines;

import io.petal.evaluation.AnomalyVolume;
import io.petal.tables.StudyImages;
import java.io.Serializable;

/**
 * A segmentation without learning, compared with the U-Net through the same {@code masks} table:
 * a fixed SUV threshold ({@link SuvThresholdBaseline}), a fraction of each hot region's SUVmax
 * ({@link RegionFractionBaseline}) or the thresholded anomaly map ({@link AnomalyThresholdBaseline}).
 */
public interface BaselineMethod extends Serializable {
  /** The name its rows carry in {@code masks.model}, e.g. {@code baseline-suv2.5}. */
  String model();

  /** True when {@link #predict} needs the study's anomaly map. */
  boolean needsAnomaly();

  /**
   * The method's mask of one study.
   *
   * @param images the study (its {@code PET} channel in SUV)
   * @param anomaly the study's anomaly map, or null when {@link #needsAnomaly()} is false
   * @throws IllegalArgumentException naming the study when it lacks what the method needs
   */
  PredictedMask predict(StudyImages images, AnomalyVolume anomaly);

  /**
   * The soft score of a value against a threshold, in [0, 1): {@code v⁺ / (v⁺ + t)} with
   * {@code v⁺ = max(v, 0)}, monotone in {@code v} and 0.5 at the threshold.
   */
  static float ratioScore(float value, double threshold) {
    double v = Math.max(value, 0);
    return (float) (v / (v + threshold));
  }

  /** A threshold in a model name: {@code 2.5 → "2.5"}, {@code 3.0 → "3"}. */
  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** The study's PET channel (SUV), with a clear error when it has none. */
  static float[] pet(StudyImages images) {
    return images.channel("PET").data();
  }
}
