package io.petal.scoring;

import java.io.Serializable;

/**
 * How anomaly maps are made from reconstructions.
 *
 * @param threshold which PET voxels are hidden from the network
 * @param smoothingFwhmMm FWHM of the in-plane Gaussian applied to the residual, mm (0 = none)
 * @param topK the slice score is the mean of the slice's {@code topK} largest anomaly values on
 *     the network grid
 * @param batchSize slices per forward pass
 */
public record ScoringSettings(SuvThreshold threshold, double smoothingFwhmMm, int topK, int batchSize)
    implements Serializable {
  public static final ScoringSettings DEFAULT = new ScoringSettings(SuvThreshold.DEFAULT, 8.0, 10, 32);

  public ScoringSettings {
    if (smoothingFwhmMm < 0 || topK < 1 || batchSize < 1) {
      throw new IllegalArgumentException("smoothing must be >= 0 mm, top-k and batch size >= 1");
    }
  }

  public ScoringSettings withThreshold(SuvThreshold t) {
    return new ScoringSettings(t, smoothingFwhmMm, topK, batchSize);
  }
}
