package io.petal.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Lesion-wise detection of one patient: each true lesion (truth component) is detected or not by
 * a {@link DetectionCriterion}; predicted components touching no lesion are false positives.
 */
public final class LesionDetection {
  private LesionDetection() {}

  /** Counts without strata. */
  public static DetectionCounts count(LesionComponents components, DetectionCriterion criterion) {
    return count(components, criterion, null);
  }

  /**
   * Counts, with the lesions also counted per stratum.
   *
   * @param strata lesion label (1..{@link LesionComponents#lesionCount()}) → stratum name, with
   *     every lesion present; null for no strata
   */
  public static DetectionCounts count(LesionComponents components, DetectionCriterion criterion,
      Map<Integer, String> strata) {
    long detected = 0;
    Map<String, StratumCount> byStratum = new TreeMap<>();
    for (int label = 1; label <= components.lesionCount(); label++) {
      boolean hit = criterion.detects(components, label);
      detected += hit ? 1 : 0;
      if (strata != null) {
        String name = strata.get(label);
        if (name == null) {
          throw new IllegalArgumentException(components.masks().caseId() + ": lesion " + label
              + " of " + components.lesionCount() + " has no stratum");
        }
        byStratum.merge(name, new StratumCount(1, hit ? 1 : 0), StratumCount::plus);
      }
    }
    return new DetectionCounts(components.lesionCount(), detected,
        components.falsePositiveComponentCount(), byStratum);
  }
}
