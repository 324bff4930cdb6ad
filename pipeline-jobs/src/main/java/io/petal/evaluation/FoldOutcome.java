package io.petal.evaluation;

/**
 * One fold evaluated on its held-out patients.
 *
 * @param metrics the test patients' figures, models under their names across folds
 *     ({@link FoldModels#maskModels()} keys)
 */
public record FoldOutcome(Fold fold, FoldModels models, CohortMetrics metrics) {}
