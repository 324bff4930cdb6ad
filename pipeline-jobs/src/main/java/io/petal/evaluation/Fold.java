package io.petal.evaluation;

import java.util.Set;

/**
 * One fold of a patient-level K-fold cross-validation: the patients it tests on and the patients
 * it trains on (all others), by pseudonymous patient key. The two sets never share a patient.
 *
 * @param number 1..{@code folds}
 * @param folds K
 */
public record Fold(int number, int folds, Set<String> trainPatients, Set<String> testPatients) {

  public Fold {
    trainPatients = Set.copyOf(trainPatients);
    testPatients = Set.copyOf(testPatients);
    if (number < 1 || number > folds) {
      throw new IllegalArgumentException("fold " + number + " is outside 1.." + folds);
    }
    for (String p : testPatients) {
      if (trainPatients.contains(p)) {
        throw new IllegalArgumentException("fold " + number + ": patient " + p + " is in both train and test");
      }
    }
  }
}
