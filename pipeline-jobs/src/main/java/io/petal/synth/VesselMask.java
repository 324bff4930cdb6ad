package io.petal.synth;

import io.petal.image.GaussianBlur;
import io.petal.image.Volume;

/**
 * The vessel rule of the synthetic-tumour method (methods.md §4, step 1): vessels are the organ
 * voxels whose Gaussian-smoothed CT exceeds a threshold set a little above the organ's own
 * density. The CT is smoothed with sigma {@link #SMOOTHING_SIGMA_MM} after bone has been replaced
 * by soft-tissue density (so bone never lights up its neighbours); the threshold is the organ's
 * median HU plus a margin: {@link #LIVER_MARGIN_HU} in the liver, {@link #LUNG_MARGIN_HU} in the
 * lung, {@link #SOFT_TISSUE_MARGIN_HU} above the muscle median in every other soft tissue. Air,
 * airways and bone are never vessels. With contrast-enhanced blood this finds the intrahepatic
 * and pulmonary vessels, the heart chambers and the great vessels.
 */
public final class VesselMask {
  private VesselMask() {}

  /** Gaussian smoothing of the CT before thresholding (sigma, mm). */
  public static final double SMOOTHING_SIGMA_MM = 2.0;
  /** Threshold above the liver's median density (HU). */
  public static final double LIVER_MARGIN_HU = 30;
  /** Threshold above the lung's median density (HU). */
  public static final double LUNG_MARGIN_HU = 200;
  /** Threshold above the muscle's median density for other soft tissue (HU). */
  public static final double SOFT_TISSUE_MARGIN_HU = 60;

  /**
   * The vessel mask, x-fastest on the grid of {@code ct} (HU) and {@code organs} (organ codes).
   */
  public static boolean[] compute(Volume ct, Volume organs) {
    if (!ct.grid().sameGeometry(organs.grid(), 1e-3)) {
      throw new IllegalArgumentException("vessel mask: CT and organ map grids differ");
    }
    float[] hu = ct.data();
    float[] org = organs.data();
    double muscle = medianHu(hu, org, Organ.MUSCLE);
    double liverT = medianHu(hu, org, Organ.LIVER) + LIVER_MARGIN_HU;
    double lungT = medianHu(hu, org, Organ.LUNG) + LUNG_MARGIN_HU;
    double softT = muscle + SOFT_TISSUE_MARGIN_HU;
    float[] smooth = new float[hu.length];
    for (int n = 0; n < hu.length; n++) {
      smooth[n] = isBone((int) org[n]) ? (float) muscle : hu[n];
    }
    var g = ct.grid();
    GaussianBlur.blur(smooth, g.nx(), g.ny(), g.nz(), SMOOTHING_SIGMA_MM / g.spacing(0),
        SMOOTHING_SIGMA_MM / g.spacing(1), SMOOTHING_SIGMA_MM / g.spacing(2));
    boolean[] vessel = new boolean[hu.length];
    for (int n = 0; n < hu.length; n++) {
      int code = (int) org[n];
      double threshold;
      if (code == Organ.LIVER.code()) {
        threshold = liverT;
      } else if (code == Organ.LUNG.code()) {
        threshold = lungT;
      } else if (isBone(code) || code == Organ.BACKGROUND.code() || code == Organ.AIRWAY.code()) {
        continue;
      } else {
        threshold = softT;
      }
      vessel[n] = smooth[n] > threshold;
    }
    return vessel;
  }

  private static boolean isBone(int code) {
    return code == Organ.BONE_CORTEX.code() || code == Organ.BONE_MARROW.code();
  }

  /** Median HU of an organ from a 1-HU histogram over [−1100, 3000]; 0 when the organ is absent. */
  static double medianHu(float[] hu, float[] organs, Organ organ) {
    int lo = -1100;
    int[] hist = new int[4101];
    long count = 0;
    for (int n = 0; n < hu.length; n++) {
      if ((int) organs[n] == organ.code()) {
        int b = Math.max(0, Math.min(hist.length - 1, Math.round(hu[n]) - lo));
        hist[b]++;
        count++;
      }
    }
    if (count == 0) {
      return 0;
    }
    long half = (count + 1) / 2;
    long acc = 0;
    for (int b = 0; b < hist.length; b++) {
      acc += hist[b];
      if (acc >= half) {
        return b + lo;
      }
    }
    return hist.length - 1 + lo;
  }
}
