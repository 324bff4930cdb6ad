package io.petal.evaluation;

import io.petal.metrics.PatientSegmentationMetrics;
import java.io.Serializable;

/**
 * One model's mask of one study scored against one annotation source.
 *
 * @param model the model ({@code masks.model})
 * @param labelSource the annotation source scored against ({@code studies.label_sources}), or
 *     {@link StudyResult#NO_ANNOTATION} for a normal study without annotation (empty truth)
 * @param primary true for the study's first annotation source, which the per-model figures use
 * @param metrics the autoPET metrics
 */
public record ModelScore(String model, String labelSource, boolean primary, PatientSegmentationMetrics metrics)
    implements Serializable {}
