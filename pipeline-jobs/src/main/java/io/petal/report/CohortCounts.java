package io.petal.report;

import java.util.List;
import java.util.Objects;

/**
 * What the evaluation ran on, as counts only: a report never names a patient. A study with no
 * lesion still counts as a patient and a study.
 *
 * @param cohorts names of the cohorts evaluated (e.g. {@code demo}), as in the warehouse
 * @param evaluatedOn the patients scored, in words, e.g. {@code "test split"} or
 *     {@code "5-fold patient-level cross-validation (held-out folds pooled)"}
 * @param patients patients evaluated
 * @param studies studies evaluated
 * @param lesionPositivePatients patients with at least one true lesion
 * @param lesions true lesions (18-connected components of the truth masks), all patients
 * @param slices slices scored at slice level
 * @param lesionSlices slices among them that contain a lesion voxel
 */
public record CohortCounts(List<String> cohorts, String evaluatedOn, int patients, int studies,
    int lesionPositivePatients, long lesions, long slices, long lesionSlices) {

  public CohortCounts {
    cohorts = List.copyOf(cohorts);
    Objects.requireNonNull(evaluatedOn, "evaluatedOn");
    if (patients < 0 || studies < 0 || lesionPositivePatients < 0 || lesions < 0 || slices < 0
        || lesionSlices < 0) {
      throw new IllegalArgumentException("cohort counts must not be negative: " + patients + " patients, "
          + studies + " studies, " + lesionPositivePatients + " lesion-positive, " + lesions + " lesions, "
          + slices + " slices, " + lesionSlices + " lesion slices");
    }
    if (lesionPositivePatients > patients || lesionSlices > slices) {
      throw new IllegalArgumentException("cohort counts are inconsistent: " + lesionPositivePatients
          + " lesion-positive of " + patients + " patients, " + lesionSlices + " lesion slices of " + slices);
    }
  }
}
