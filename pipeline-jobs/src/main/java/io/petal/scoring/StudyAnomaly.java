package io.petal.scoring;

/**
 * A study's anomaly map and slice scores.
 *
 * @param anomaly [nz, ny, nx] on the study's reference grid, x fastest, SUV
 * @param sliceScores per slice k: the slice score (SUV)
 * @param hiddenFractions per slice k: fraction of the body pixels hidden from the network
 * @param thresholdSuv the SUV threshold used for the study
 */
public record StudyAnomaly(float[] anomaly, float[] sliceScores, float[] hiddenFractions, double thresholdSuv) {}
