package io.petal.scoring;

import java.io.Serializable;

/**
 * How anomaly maps are made from reconstructions.
 *
 * @param threshold which PET voxels are hidden from the network (PET/CT models)
 * @param relativeThreshold for models of study-relative channels (MRI, bone scans): voxels of the
 *     masked branch above this multiple of the study's robust scale are hidden; 0 for the
 *     layout's default ({@link io.petal.models.ModelChannels#defaultRelativeThreshold()})
 * @param smoothingFwhmMm FWHM of the in-plane Gaussian applied to the residual, mm (0 = none)
 * @param topK the slice score is the mean of the slice's {@code topK} largest anomaly values on
 *     the network grid
 * @param batchSize slices per forward pass
 */
public record ScoringSettings(SuvThreshold threshold, double smoothingFwhmMm, int topK, int batchSize,
    double relativeThreshold) implements Serializable {
  public static final ScoringSettings DEFAULT = new ScoringSettings(SuvThreshold.DEFAULT, 8.0, 10, 32);

  public ScoringSettings {
    if (smoothingFwhmMm < 0 || topK < 1 || batchSize < 1 || !(relativeThreshold >= 0)) {
      throw new IllegalArgumentException("smoothing must be >= 0 mm, top-k and batch size >= 1, the relative "
          + "threshold >= 0");
    }
  }

  /** With the layouts' default relative thresholds. */
  public ScoringSettings(SuvThreshold threshold, double smoothingFwhmMm, int topK, int batchSize) {
    this(threshold, smoothingFwhmMm, topK, batchSize, 0);
  }

  public ScoringSettings withThreshold(SuvThreshold t) {
    return new ScoringSettings(t, smoothingFwhmMm, topK, batchSize, relativeThreshold);
  }
}
