package io.petal.metrics;

import java.io.Serializable;

/**
 * A per-patient metric summarised across patients: mean, sample standard deviation (n − 1) and a
 * two-sided confidence interval for the mean from Student's t distribution,
 * {@code mean ± t_{(1+c)/2, n−1} · sd / √n} (default c = 95 %). NaN values (undefined metrics)
 * are left out, so {@code n} counts only defined values. With n = 1 the SD and interval are NaN;
 * with n = 0 everything is NaN. Units are those of the metric (mL for volumes, none for Dice).
 */
public record Summary(double mean, double sd, double ciLow, double ciHigh, long n)
    implements Serializable {

  /** Default confidence level of the interval. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /** Summary with a 95 % interval. */
  public static Summary of(double... values) {
    return of(DEFAULT_CONFIDENCE, values);
  }

  /** Summary with an interval at {@code confidence} (in (0, 1)). */
  public static Summary of(double confidence, double[] values) {
    MomentAccumulator acc = new MomentAccumulator();
    for (double v : values) {
      acc.add(v);
    }
    return acc.summary(confidence);
  }

  /**
   * This summary with its confidence interval clipped to {@code [lower, upper]}, the range the
   * metric can take (e.g. 0 and {@link Double#POSITIVE_INFINITY} for a volume in mL, 0 and 1 for
   * Dice). The true mean lies in that range, so clipping removes only impossible values and never
   * lowers the interval's coverage; the mean, SD and n are unchanged, a NaN interval stays NaN.
   */
  public Summary clippedTo(double lower, double upper) {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("metric range [" + lower + ", " + upper + "] is empty");
    }
    return new Summary(mean, sd, clip(ciLow, lower, upper), clip(ciHigh, lower, upper), n);
  }

  private static double clip(double v, double lower, double upper) {
    return Double.isNaN(v) ? v : Math.min(upper, Math.max(lower, v));
  }
}
