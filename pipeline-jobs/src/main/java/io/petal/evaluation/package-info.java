/**
 * {@code petal evaluate}: the evaluation of anomaly maps and segmentation masks at cohort scale.
 *
 * <p><b>One pass.</b> {@link io.petal.evaluation.EvaluationSelection} picks the studies (a split's
 * annotated and normal ones); {@link io.petal.evaluation.ScoredStudyReader} co-groups each study's
 * slices, anomaly map and masks; {@link io.petal.evaluation.StudyScorer} evaluates it inside its
 * Spark task (voxels into mergeable {@link io.petal.metrics.ScoreHistogram}s, each model's mask
 * against each annotation source with {@link io.petal.metrics.SegmentationEvaluator}); and
 * {@link io.petal.evaluation.CohortScoring} combines the tasks' {@link io.petal.evaluation.CohortMetrics}
 * with {@code treeAggregate}. Only histograms and one small {@link io.petal.evaluation.StudyResult}
 * per study reach the driver.
 *
 * <p><b>Report.</b> {@link io.petal.evaluation.ComparedMethods} turns the metrics into the
 * report's methods, {@link io.petal.evaluation.CrossEvaluationMatrix} builds the annotation-source
 * matrix, {@link io.petal.evaluation.ExampleSlices} cuts example slices, and
 * {@link io.petal.evaluation.EvaluateJob} writes the report ({@link io.petal.report.ReportWriter})
 * and the warehouse tables ({@link io.petal.evaluation.MetricTables}), returning an
 * {@link io.petal.evaluation.EvaluationSummary} to print.
 *
 * <p><b>Cross-validation.</b> {@link io.petal.evaluation.PatientFolds} assigns patients to K folds,
 * {@link io.petal.evaluation.CrossValidation} has a {@link io.petal.evaluation.FoldTrainer} train
 * and predict each fold and evaluates its held-out studies, and
 * {@link io.petal.evaluation.FoldAggregation} reports each fold and pools them.
 */
package io.petal.evaluation;
