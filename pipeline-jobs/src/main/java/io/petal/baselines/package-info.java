/**
 * {@code petal segment baselines}: segmentations without learning, written to {@code masks} like a
 * model's so that every comparison runs through the same evaluation. Each
 * {@link io.petal.baselines.BaselineMethod} maps a study (and its anomaly map) to a
 * {@link io.petal.baselines.PredictedMask}; {@link io.petal.baselines.BaselinesJob} runs them over
 * the warehouse and replaces only their own rows ({@link io.petal.tables.ModelPartitions}).
 */
package io.petal.baselines;
