package io.petal.metrics;

import java.io.Serializable;

/**
 * Running count, mean and sum of squared deviations of per-patient values (Welford; merged with
 * Chan et al.'s pairwise formula), for {@link Summary}. NaN values (undefined metrics, see
 * {@link EmptyMaskPolicy}) are counted apart and left out. Serializable and mergeable for Spark;
 * {@link #add} and {@link #merge} return {@code this}. Not thread-safe.
 */
public final class MomentAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  private long n;
  private double mean;
  private double squaredDeviations;
  private long undefined;

  /** Adds one value; NaN is counted as undefined and otherwise ignored; infinities are refused. */
  public MomentAccumulator add(double value) {
    if (Double.isNaN(value)) {
      undefined++;
      return this;
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("cannot summarise an infinite value");
    }
    n++;
    double delta = value - mean;
    mean += delta / n;
    squaredDeviations += delta * (value - mean);
    return this;
  }

  /** Adds the values of {@code other} (unchanged) to this. */
  public MomentAccumulator merge(MomentAccumulator other) {
    if (other.n > 0) {
      long total = n + other.n;
      double delta = other.mean - mean;
      squaredDeviations += other.squaredDeviations + delta * delta * ((double) n * other.n / total);
      mean += delta * other.n / total;
      n = total;
    }
    undefined += other.undefined;
    return this;
  }

  /** Number of values summarised (NaN excluded). */
  public long count() {
    return n;
  }

  /** Number of NaN values left out. */
  public long undefinedCount() {
    return undefined;
  }

  /** Mean, sample SD and two-sided t confidence interval at {@code confidence} (e.g. 0.95). */
  public Summary summary(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    if (n == 0) {
      return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    if (n == 1) {
      return new Summary(mean, Double.NaN, Double.NaN, Double.NaN, 1);
    }
    double sd = Math.sqrt(squaredDeviations / (n - 1));
    double halfWidth = StudentT.quantile(0.5 + confidence / 2, n - 1) * sd / Math.sqrt(n);
    return new Summary(mean, sd, mean - halfWidth, mean + halfWidth, n);
  }
}
