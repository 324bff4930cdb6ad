package io.petal.evaluation;

import io.petal.metrics.PatientSegmentationMetrics;
import java.io.Serializable;

/**
 * One model's mask of one study scored against one annotation source, for one output region
 * (derived from the label values of both, {@link io.petal.models.OutputRegion}).
 *
 * @param model the model ({@code masks.model})
 * @param labelSource the annotation source scored against ({@code studies.label_sources}), or
 *     {@link StudyResult#NO_ANNOTATION} for a normal study without annotation (empty truth)
 * @param primary true for the study's first annotation source, which the per-model figures use
 * @param region the region ({@code lesion}; brain MRI: {@code WT}, {@code TC}, {@code ET})
 * @param firstRegion true for the first region of the study's kind, which the per-model figures,
 *     the lesion-wise figures and the cross-evaluation use; other regions are scored against the
 *     first annotation source only
 * @param metrics the autoPET metrics
 */
public record ModelScore(String model, String labelSource, boolean primary, String region, boolean firstRegion,
    PatientSegmentationMetrics metrics) implements Serializable {
  /** The region of a binary lesion mask (PET/CT, bone scans). */
  public static final String LESION = "lesion";

  /** A score of a binary lesion mask (the region {@value #LESION}, the only one). */
  public ModelScore(String model, String labelSource, boolean primary, PatientSegmentationMetrics metrics) {
    this(model, labelSource, primary, LESION, true, metrics);
  }
}
