package io.petal.synth.bone;

import io.petal.image.GaussianBlur;
import java.util.SplittableRandom;

/**
 * The gamma camera's chain from noise-free projections to counts: collimator–detector blur
 * (Gaussian, {@value #FWHM_MM} mm FWHM), scaling to counts, and Poisson counting noise
 * ({@link PoissonQuantile}, one uniform per pixel drawn in pixel order, so the number of draws
 * never depends on the image).
 */
final class GammaCamera {
  /** System resolution of a low-energy high-resolution collimator at a typical depth (mm FWHM). */
  static final double FWHM_MM = 9;

  private GammaCamera() {}

  /** Blurs every view of {@code expected} (relative units), in place. */
  static void blur(float[][] expected, BoneScanConfig cfg) {
    double sigma = FWHM_MM / GaussianBlur.FWHM_PER_SIGMA / cfg.pixelSpacingMm();
    for (float[] view : expected) {
      GaussianBlur.blur(view, cfg.columns(), cfg.rows(), 1, sigma, sigma, 0);
    }
  }

  /** Counts of every view: {@code expected × countsPerUnit}, Poisson-sampled. */
  static float[][] count(float[][] expected, double countsPerUnit, SplittableRandom rng) {
    float[][] out = new float[expected.length][];
    for (int v = 0; v < expected.length; v++) {
      out[v] = new float[expected[v].length];
      for (int n = 0; n < expected[v].length; n++) {
        out[v][n] = PoissonQuantile.of(expected[v][n] * countsPerUnit, rng.nextDouble());
      }
    }
    return out;
  }
}
