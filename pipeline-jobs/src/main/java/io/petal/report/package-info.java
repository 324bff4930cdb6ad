/**
 * The evaluation report of {@code petal evaluate}, written on the driver without Spark.
 *
 * <p><b>Input.</b> A {@link io.petal.report.ReportData}: run name, model names, cohort counts
 * ({@link io.petal.report.CohortCounts}), the evaluator and size strata whose definitions the page
 * states, the {@link io.petal.report.HeadlineFigures}, one {@link io.petal.report.MethodResult} per
 * method (slice / pixel {@link io.petal.report.RankingResult} from a
 * {@link io.petal.metrics.ScoreHistogram}, per-patient
 * {@link io.petal.metrics.PatientSegmentationMetrics}), an optional
 * {@link io.petal.report.CrossEvaluation}, {@link io.petal.report.FoldResult}s and
 * {@link io.petal.report.ExampleSlice}s. No patient identity: counts and shortened pseudonym keys
 * ({@link io.petal.report.CaseIds}).
 *
 * <p><b>Output.</b> {@link io.petal.report.ReportWriter#write} writes {@code report.html}
 * (self-contained: inline CSS, PNG data URIs, no script or external resource; charts by
 * JFreeChart, example slices by Java2D), {@code summary.json} (headline figures as snake_case keys)
 * and the metric tables as zstd Parquet.
 */
package io.petal.report;
