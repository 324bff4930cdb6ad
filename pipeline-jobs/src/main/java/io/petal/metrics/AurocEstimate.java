package io.petal.metrics;

import java.io.Serializable;

/**
 * An AUROC estimate from a {@link ScoreHistogram}: the exact AUROC (Mann-Whitney, ties half) of
 * the scores lies in {@code [value − errorBound, value + errorBound]}. Both are NaN when
 * {@code positives} or {@code negatives} is 0 (AUROC undefined).
 *
 * @param value the estimate, in [0, 1]
 * @param errorBound half-width of the interval guaranteed to hold the exact AUROC
 * @param positives number of positive scores
 * @param negatives number of negative scores
 */
public record AurocEstimate(double value, double errorBound, long positives, long negatives)
    implements Serializable {

  /** False when there is no positive or no negative score. */
  public boolean isDefined() {
    return positives > 0 && negatives > 0;
  }

  /** Lowest possible exact AUROC, {@code max(0, value − errorBound)}. */
  public double lowerLimit() {
    return Math.max(0, value - errorBound);
  }

  /** Highest possible exact AUROC, {@code min(1, value + errorBound)}. */
  public double upperLimit() {
    return Math.min(1, value + errorBound);
  }
}
