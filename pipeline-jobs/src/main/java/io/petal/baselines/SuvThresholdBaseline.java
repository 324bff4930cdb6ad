package io.petal.baselines;

import io.petal.evaluation.AnomalyVolume;
import io.petal.tables.StudyImages;

/**
 * Fixed SUV threshold: every voxel with SUV strictly above the threshold (default 2.5) is lesion.
 * Probability: {@link BaselineMethod#ratioScore} of the SUV, 0.5 at the threshold.
 *
 * @param suv the threshold, SUV (g/mL)
 */
public record SuvThresholdBaseline(double suv) implements BaselineMethod {
  /** The customary fixed threshold. */
  public static final double DEFAULT_SUV = 2.5;

  public SuvThresholdBaseline {
    if (!(suv > 0) || Double.isInfinite(suv)) {
      throw new IllegalArgumentException("the SUV threshold must be a positive number, got " + suv);
    }
  }

  @Override
  public String model() {
    return "baseline-suv" + BaselineMethod.number(suv);
  }

  @Override
  public boolean needsAnomaly() {
    return false;
  }

  @Override
  public PredictedMask predict(StudyImages images, AnomalyVolume anomaly) {
    float[] pet = BaselineMethod.pet(images);
    float[] probability = new float[pet.length];
    byte[] label = new byte[pet.length];
    for (int v = 0; v < pet.length; v++) {
      probability[v] = BaselineMethod.ratioScore(pet[v], suv);
      label[v] = (byte) (pet[v] > suv ? 1 : 0);
    }
    return new PredictedMask(probability, label);
  }
}
