package io.petal.scoring;

import java.io.Serializable;

/**
 * How anomaly maps are made from reconstructions.
 *
 * @param threshold which PET voxels are hidden from the network (PET/CT models)
 * @param smoothingFwhmMm FWHM of the in-plane Gaussian applied to the residual, mm (0 = none)
 * @param topK the slice score is the mean of the slice's {@code topK} largest anomaly values on
 *     the network grid
 * @param batchSize slices per forward pass
 * @param relativeThreshold for models of study-relative channels (MRI, bone scans): voxels of the
 *     masked branch above this multiple of the study's robust scale are hidden; 0 for the
 *     layout's default ({@link io.petal.models.ModelChannels#defaultRelativeThreshold()})
 * @param maskDilationMm the hidden voxels are grown in-plane by this radius, mm, so that the
 *     fainter rim of a hot focus is hidden with it (0 = none; negative = the kind's default,
 *     {@link MaskDilation#radiusMm})
 * @param residualReference C in the masked unit (SUV for PET/CT): the residual is divided by
 *     (1 + reconstruction / C), so a given excess counts less where the reconstruction expects
 *     high uptake (bladder, kidneys, brain, whose normal activity varies in proportion to its
 *     level) and about the same where it expects background; 0 keeps the plain residual
 * @param organLevelFloor in the masked unit: hot regions whose reconstruction lies above it in
 *     the median take their own uptake level ({@link OrganLevel}); 0 = off (the default)
 */
public record ScoringSettings(SuvThreshold threshold, double smoothingFwhmMm, int topK, int batchSize,
    double relativeThreshold, double maskDilationMm, double residualReference, double organLevelFloor)
    implements Serializable {
  public static final ScoringSettings DEFAULT = new ScoringSettings(SuvThreshold.DEFAULT, 8.0, 10, 32);
  /** {@link #maskDilationMm} value that stands for the kind's default. */
  public static final double KIND_DEFAULT_DILATION = -1;

  public ScoringSettings {
    if (!(smoothingFwhmMm >= 0) || topK < 1 || batchSize < 1 || !(relativeThreshold >= 0)
        || !(maskDilationMm >= 0 || maskDilationMm == KIND_DEFAULT_DILATION) || Double.isInfinite(maskDilationMm)
        || !(residualReference >= 0) || Double.isInfinite(residualReference)
        || !(organLevelFloor >= 0) || Double.isInfinite(organLevelFloor)) {
      throw new IllegalArgumentException("smoothing, mask dilation, residual reference and organ level floor must be "
          + ">= 0 (finite; dilation -1 for the kind's default), top-k and batch size >= 1, the relative "
          + "threshold >= 0");
    }
  }

  /** With the kinds' default relative thresholds and mask dilations, no organ levels, and the plain residual. */
  public ScoringSettings(SuvThreshold threshold, double smoothingFwhmMm, int topK, int batchSize) {
    this(threshold, smoothingFwhmMm, topK, batchSize, 0, KIND_DEFAULT_DILATION, 0, 0);
  }

  public ScoringSettings withThreshold(SuvThreshold t) {
    return new ScoringSettings(t, smoothingFwhmMm, topK, batchSize, relativeThreshold, maskDilationMm,
        residualReference, organLevelFloor);
  }

  /**
   * The anomaly of one voxel before smoothing: the positive part of (value − reconstruction),
   * divided by (1 + max(reconstruction, 0) / {@link #residualReference}) when a reference is set.
   */
  public float anomaly(float value, float reconstruction) {
    float excess = value - reconstruction;
    if (!(excess > 0)) {
      return 0f;
    }
    return residualReference > 0 ? (float) (excess / (1 + Math.max(reconstruction, 0) / residualReference)) : excess;
  }
}
