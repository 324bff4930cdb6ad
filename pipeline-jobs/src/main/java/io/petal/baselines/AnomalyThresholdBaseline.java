package io.petal.baselines;

import io.petal.evaluation.AnomalyVolume;
import io.petal.tables.StudyImages;

/**
 * The anomaly map alone, thresholded: every voxel whose anomaly (the autoencoder's smoothed
 * positive PET residual, SUV) is strictly above the threshold is lesion. The default threshold is
 * a fixed residual of {@value #DEFAULT_THRESHOLD_SUV} SUV: the PET exceeds by more than 1 SUV what
 * the autoencoder, trained on normal patients, expects there.
 * Probability: {@link BaselineMethod#ratioScore} of the anomaly, 0.5 at the threshold.
 *
 * @param thresholdSuv the anomaly threshold, SUV
 */
public record AnomalyThresholdBaseline(double thresholdSuv) implements BaselineMethod {
  /** Default threshold on the anomaly map, SUV. */
  public static final double DEFAULT_THRESHOLD_SUV = 1.0;
  /** The model name of this baseline's rows. */
  public static final String MODEL = "baseline-anomaly";

  public AnomalyThresholdBaseline {
    if (!(thresholdSuv > 0) || Double.isInfinite(thresholdSuv)) {
      throw new IllegalArgumentException("the anomaly threshold must be a positive number of SUV, got "
          + thresholdSuv);
    }
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public boolean needsAnomaly() {
    return true;
  }

  @Override
  public PredictedMask predict(StudyImages images, AnomalyVolume anomaly) {
    if (anomaly == null) {
      throw new IllegalArgumentException("study " + images.info().studyKey() + " has no anomaly map");
    }
    float[] map = anomaly.map();
    float[] probability = new float[map.length];
    byte[] label = new byte[map.length];
    for (int v = 0; v < map.length; v++) {
      probability[v] = BaselineMethod.ratioScore(map[v], thresholdSuv);
      label[v] = (byte) (map[v] > thresholdSuv ? 1 : 0);
    }
    return new PredictedMask(probability, label);
  }
}
