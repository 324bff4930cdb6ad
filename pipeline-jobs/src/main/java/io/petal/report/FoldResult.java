package io.petal.report;

import java.util.Objects;

/**
 * One fold of a patient-level cross-validation: its split sizes and the figures of its held-out
 * patients (for the headline methods).
 *
 * @param fold 1-based fold number
 * @param trainPatients patients trained on
 * @param testPatients held-out patients scored
 * @param figures figures of the held-out patients
 */
public record FoldResult(int fold, int trainPatients, int testPatients, KeyFigures figures) {

  public FoldResult {
    if (fold < 1 || trainPatients < 0 || testPatients < 0) {
      throw new IllegalArgumentException("fold " + fold + ": fold numbers start at 1 and patient counts are >= 0 ("
          + trainPatients + " train, " + testPatients + " test)");
    }
    Objects.requireNonNull(figures, "figures");
  }
}
