package io.petal.synth.brain;

import io.petal.image.ImageGrid;
import io.petal.image.GaussianBlur;
import io.petal.synth.SmoothRandomField;
import java.util.SplittableRandom;

/**
 * The scanner's chain from relative signal to a stored contrast (arbitrary units): partial-volume
 * blur (Gaussian, sigma {@value #BLUR_SIGMA_VOXELS} voxel), a smooth multiplicative bias field
 * ({@code exp(}{@value #BIAS_STRENGTH}{@code ·f)}, lattice {@value #BIAS_CELL_MM} mm), the
 * contrast's gain varied by ±{@value #GAIN_VARIATION} per patient, and Rician noise (magnitude of
 * the signal plus complex Gaussian noise of sigma {@value #NOISE_SIGMA} relative units), never
 * negative. Every call draws the same number of values, so the normal and abnormal study of one
 * patient get the same bias and noise.
 */
final class MriAcquisition {
  static final double BLUR_SIGMA_VOXELS = 0.5;
  static final double BIAS_STRENGTH = 0.10;
  static final double BIAS_CELL_MM = 80;
  static final double GAIN_VARIATION = 0.15;
  static final double NOISE_SIGMA = 0.02;

  private MriAcquisition() {}

  /** The stored image of {@code contrast} from its relative signal on {@code grid} (the array is reused). */
  static float[] acquire(float[] signal, ImageGrid grid, MriContrast contrast, SplittableRandom rng) {
    GaussianBlur.blur(signal, grid.nx(), grid.ny(), grid.nz(), BLUR_SIGMA_VOXELS, BLUR_SIGMA_VOXELS,
        BLUR_SIGMA_VOXELS);
    double gain = contrast.nominalGain() * (1 + GAIN_VARIATION * (2 * rng.nextDouble() - 1));
    double[] lo = grid.affine().apply(0, 0, 0);
    double[] hi = grid.affine().apply(grid.nx() - 1, grid.ny() - 1, grid.nz() - 1);
    SmoothRandomField bias = new SmoothRandomField(rng, Math.min(lo[0], hi[0]), Math.min(lo[1], hi[1]),
        Math.min(lo[2], hi[2]), Math.abs(hi[0] - lo[0]), Math.abs(hi[1] - lo[1]), Math.abs(hi[2] - lo[2]),
        BIAS_CELL_MM);
    int n = 0;
    for (int k = 0; k < grid.nz(); k++) {
      for (int j = 0; j < grid.ny(); j++) {
        for (int i = 0; i < grid.nx(); i++, n++) {
          double[] p = grid.affine().apply(i, j, k);
          double s = signal[n] * Math.exp(BIAS_STRENGTH * bias.at(p[0], p[1], p[2]));
          double re = s + NOISE_SIGMA * rng.nextGaussian();
          double im = NOISE_SIGMA * rng.nextGaussian();
          signal[n] = (float) (gain * Math.sqrt(re * re + im * im));
        }
      }
    }
    return signal;
  }
}
