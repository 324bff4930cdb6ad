package io.petal.metrics;

import java.io.Serializable;

/** True lesions of one stratum and how many of them were detected. */
public record StratumCount(long lesions, long detected) implements Serializable {

  /** Counts of both. */
  public StratumCount plus(StratumCount other) {
    return new StratumCount(lesions + other.lesions, detected + other.detected);
  }

  /** Detected / lesions (lesion-wise sensitivity); NaN without lesions. */
  public double sensitivity() {
    return lesions == 0 ? Double.NaN : (double) detected / lesions;
  }
}
