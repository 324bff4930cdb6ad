package io.petal.synth;

import io.petal.image.GaussianBlur;
import io.petal.image.ImageGrid;
import java.util.SplittableRandom;

/**
 * The imaging chain applied to noise-free images: CT gets white Gaussian noise; PET gets the
 * scanner's point-spread function (separable Gaussian, FWHM in mm) and then signal-dependent
 * noise — a Gaussian approximation of Poisson counting noise with variance {@code gain·SUV},
 * spatially correlated like reconstructed PET noise — and is clamped at 0.
 */
final class ScannerModel {
  private ScannerModel() {}

  /** Correlation length (Gaussian sigma, mm) of the PET noise before scaling. */
  static final double PET_NOISE_CORRELATION_MM = 2.5;

  /** Adds white Gaussian noise of standard deviation {@code sdHu} to the CT, in place. */
  static void addCtNoise(float[] ctHu, double sdHu, SplittableRandom rng) {
    for (int n = 0; n < ctHu.length; n++) {
      ctHu[n] += (float) (sdHu * rng.nextGaussian());
    }
  }

  /**
   * The measured PET (SUV) from the activity map: PSF blur, then noise with variance
   * {@code gain·SUV}. {@code activity} is left unchanged.
   */
  static float[] acquirePet(float[] activity, ImageGrid grid, double psfFwhmMm, double gain,
      SplittableRandom rng) {
    int nx = grid.nx();
    int ny = grid.ny();
    int nz = grid.nz();
    float[] pet = activity.clone();
    double sigma = psfFwhmMm / GaussianBlur.FWHM_PER_SIGMA;
    GaussianBlur.blur(pet, nx, ny, nz, sigma / grid.spacing(0), sigma / grid.spacing(1),
        sigma / grid.spacing(2));
    float[] noise = new float[pet.length];
    for (int n = 0; n < noise.length; n++) {
      noise[n] = (float) rng.nextGaussian();
    }
    double[] sn = new double[3];
    double std = 1;
    for (int a = 0; a < 3; a++) {
      sn[a] = PET_NOISE_CORRELATION_MM / grid.spacing(a);
      std *= GaussianBlur.noiseStdAfter(sn[a]);
    }
    GaussianBlur.blur(noise, nx, ny, nz, sn[0], sn[1], sn[2]);
    double scale = 1 / std;
    for (int n = 0; n < pet.length; n++) {
      double s = Math.max(0, pet[n]);
      pet[n] = (float) Math.max(0, s + Math.sqrt(s * gain) * noise[n] * scale);
    }
    return pet;
  }
}
