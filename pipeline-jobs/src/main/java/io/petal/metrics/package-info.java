/**
 * Evaluation metrics of Petal, as plain functions plus mergeable, serializable accumulators that a
 * Spark job can aggregate.
 *
 * <p><b>Ranking (slice and voxel level).</b> {@link io.petal.metrics.ScoreHistogram} sketches
 * (score, label) pairs in float-bit bins (relative width 2^-10 by default) and gives AUROC with a
 * guaranteed error bound ({@link io.petal.metrics.AurocEstimate}), average precision and
 * downsampled ROC / precision-recall curves; NaN scores are refused.
 * {@link io.petal.metrics.ExactAuroc} is the sorting reference.
 *
 * <p><b>Segmentation (patient level, autoPET definitions).</b> On a
 * {@link io.petal.metrics.MaskPair}: {@link io.petal.metrics.Dice}, false-positive and
 * false-negative volume in mL and lesion-wise detection from 18-connected components
 * ({@link io.petal.metrics.LesionComponents}, {@link io.petal.metrics.LesionDetection}, strata
 * by {@link io.petal.metrics.SizeStrata} or the caller's map), surface Dice at 2 mm
 * ({@link io.petal.metrics.SurfaceDice}); all at once with
 * {@link io.petal.metrics.SegmentationEvaluator}. Empty masks follow
 * {@link io.petal.metrics.EmptyMaskPolicy} (default: undefined = NaN without true lesions).
 *
 * <p><b>Across patients.</b> {@link io.petal.metrics.Summary}: mean, SD and a Student-t 95 %
 * confidence interval, NaN values left out; {@link io.petal.metrics.MomentAccumulator} merges.
 */
package io.petal.metrics;
