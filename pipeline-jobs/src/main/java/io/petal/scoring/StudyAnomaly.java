package io.petal.scoring;

/**
 * A study's anomaly map and slice scores, in the unit of the autoencoder's masked channels (SUV
 * for PET/CT, multiples of the study's robust scale otherwise).
 *
 * @param anomaly [nz, ny, nx] on the study's reference grid, x fastest
 * @param sliceScores per slice k: the slice score
 * @param hiddenFractions per slice k: fraction of the body pixels hidden from the network
 * @param threshold the threshold used for the study ({@link MaskThreshold})
 */
public record StudyAnomaly(float[] anomaly, float[] sliceScores, float[] hiddenFractions, double threshold) {}
