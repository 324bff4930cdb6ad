package io.petal.metrics;

import java.io.Serializable;

/**
 * One patient's segmentation metrics ({@link SegmentationEvaluator}).
 *
 * @param caseId the patient or study
 * @param dice Dice coefficient (0..1), NaN where the {@link EmptyMaskPolicy} leaves it undefined
 * @param surfaceDice surface Dice at the evaluator's tolerance (0..1), NaN like {@code dice}
 * @param falsePositiveVolumeMl volume of predicted components touching no lesion (mL)
 * @param falseNegativeVolumeMl volume of lesions touched by no predicted voxel (mL)
 * @param truthVolumeMl volume of the truth mask (mL)
 * @param predictedVolumeMl volume of the predicted mask (mL)
 * @param detection lesion-wise detection counts
 */
public record PatientSegmentationMetrics(String caseId, double dice, double surfaceDice,
    double falsePositiveVolumeMl, double falseNegativeVolumeMl, double truthVolumeMl,
    double predictedVolumeMl, DetectionCounts detection) implements Serializable {}
