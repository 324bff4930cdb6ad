package io.petal.baselines;

import io.petal.evaluation.AnomalyVolume;
import io.petal.image.ConnectedComponents;
import io.petal.image.Connectivity;
import io.petal.image.ImageGrid;
import io.petal.tables.StudyImages;

/**
 * Fraction of SUVmax per hot region (the classic 41 % isocontour): the 3D connected regions
 * (18-connectivity) of voxels with SUV above {@code suv} are found, and in each region the voxels
 * with SUV ≥ {@code fraction} × that region's SUVmax are lesion. Voxels outside every region are
 * background. Probability: SUV / the region's SUVmax inside a region (so the label is probability ≥
 * {@code fraction}), 0 outside.
 *
 * @param suv the SUV that seeds the regions (default 2.5)
 * @param fraction the fraction of the region's SUVmax, in (0, 1] (default 0.41)
 */
public record RegionFractionBaseline(double suv, double fraction) implements BaselineMethod {
  /** The customary fraction of SUVmax. */
  public static final double DEFAULT_FRACTION = 0.41;

  public RegionFractionBaseline {
    if (!(suv > 0) || Double.isInfinite(suv)) {
      throw new IllegalArgumentException("the SUV threshold must be a positive number, got " + suv);
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("the fraction of SUVmax must be in (0, 1], got " + fraction);
    }
  }

  @Override
  public String model() {
    return "baseline-" + Math.round(fraction * 100) + "pct";
  }

  @Override
  public boolean needsAnomaly() {
    return false;
  }

  @Override
  public PredictedMask predict(StudyImages images, AnomalyVolume anomaly) {
    float[] pet = BaselineMethod.pet(images);
    ImageGrid g = images.grid();
    boolean[] hot = new boolean[pet.length];
    for (int v = 0; v < pet.length; v++) {
      hot[v] = pet[v] > suv;
    }
    ConnectedComponents regions = ConnectedComponents.of(hot, g.nx(), g.ny(), g.nz(), Connectivity.EDGE);
    int[] labels = regions.labels();
    float[] regionMax = new float[regions.count() + 1];
    for (int v = 0; v < pet.length; v++) {
      if (labels[v] != 0) {
        regionMax[labels[v]] = Math.max(regionMax[labels[v]], pet[v]);
      }
    }
    float[] probability = new float[pet.length];
    byte[] label = new byte[pet.length];
    for (int v = 0; v < pet.length; v++) {
      int r = labels[v];
      if (r != 0) {
        probability[v] = pet[v] / regionMax[r];
        label[v] = (byte) (pet[v] >= fraction * regionMax[r] ? 1 : 0);
      }
    }
    return new PredictedMask(probability, label);
  }
}
