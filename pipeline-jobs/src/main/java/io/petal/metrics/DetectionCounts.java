package io.petal.metrics;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lesion-wise detection counts of one patient, or summed over patients ({@link #plus}):
 * true lesions, detected lesions (under a {@link DetectionCriterion}), predicted components that
 * touch no lesion (false positives), and the lesion counts per stratum (e.g. size level, site) when
 * strata were given. Immutable and serializable, so Spark can {@code reduce} it.
 *
 * @param byStratum stratum name → counts, sorted by name; empty when no strata were given
 */
public record DetectionCounts(long lesions, long detected, long falsePositiveComponents,
    Map<String, StratumCount> byStratum) implements Serializable {

  public DetectionCounts {
    byStratum = Collections.unmodifiableSortedMap(new TreeMap<>(byStratum));
  }

  /** No lesions, no components. */
  public static DetectionCounts none() {
    return new DetectionCounts(0, 0, 0, Map.of());
  }

  /** The sums of both counts, stratum by stratum. */
  public DetectionCounts plus(DetectionCounts other) {
    Map<String, StratumCount> strata = new TreeMap<>(byStratum);
    other.byStratum.forEach((name, count) -> strata.merge(name, count, StratumCount::plus));
    return new DetectionCounts(lesions + other.lesions, detected + other.detected,
        falsePositiveComponents + other.falsePositiveComponents, strata);
  }

  /** Lesion-wise sensitivity, detected / lesions; NaN without lesions. */
  public double sensitivity() {
    return new StratumCount(lesions, detected).sensitivity();
  }
}
