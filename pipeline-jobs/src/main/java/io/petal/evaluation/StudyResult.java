package io.petal.evaluation;

import java.io.Serializable;
import java.util.List;

/**
 * What the evaluation measured on one study: its counts and every model's scores against every
 * annotation source. Holds pseudonymous keys only.
 *
 * @param normal true for a normal study, false for abnormal, null when unknown
 * @param split the study's split, or null
 * @param labelSources the study's annotation sources (empty for a normal study without annotation)
 * @param slices slices of the study
 * @param lesionSlices slices with a lesion voxel in the first annotation source
 * @param lesions true lesions (connected components) of the first annotation source
 * @param anomalyScored true when the study had an anomaly map (it is in the ranking figures)
 * @param scores one per model with a mask of the study and annotation source
 */
public record StudyResult(String cohort, String patientKey, String studyKey, Boolean normal, String split,
    List<String> labelSources, int slices, int lesionSlices, int lesions, boolean anomalyScored, List<ModelScore> scores)
    implements Serializable {
  /** Label source name of the empty truth of a normal study that has no annotation. */
  public static final String NO_ANNOTATION = "none";

  public StudyResult {
    labelSources = List.copyOf(labelSources);
    scores = List.copyOf(scores);
  }

  /** The models that have a mask of this study. */
  public List<String> models() {
    return scores.stream().map(ModelScore::model).distinct().toList();
  }
}
