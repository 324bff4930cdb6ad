package io.petal.synth;

import io.petal.image.GaussianBlur;
import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.SplittableRandom;

/**
 * The texture step of the synthetic-tumour method (methods.md §4, step 2): Gaussian noise on a
 * coarse lattice (spacing {@link #COARSENESS_MM}, the coarseness factor expressed in mm so the
 * texture does not depend on the grid), upscaled to the voxels by cubic interpolation, then
 * Gaussian-blurred (σb = {@link #BLUR_MM}) and standardised to mean 0 and standard deviation 1
 * over the box. Callers scale it to uptake and density fluctuations.
 */
final class LesionTexture {
  private LesionTexture() {}

  /** Lattice spacing of the texture noise (mm). */
  static final Range COARSENESS_MM = new Range(5, 12);
  /** σb: blur of the upscaled texture (mm). */
  static final double BLUR_MM = 1.5;

  /** The standardised texture, x-fastest over {@code box}. */
  static float[] generate(ImageGrid grid, VoxelBox box, SplittableRandom rng) {
    Affine toLps = grid.affine();
    double[] lo = toLps.apply(box.i0(), box.j0(), box.k0());
    double[] hi = toLps.apply(box.i1(), box.j1(), box.k1());
    double x0 = Math.min(lo[0], hi[0]);
    double y0 = Math.min(lo[1], hi[1]);
    double z0 = Math.min(lo[2], hi[2]);
    SmoothRandomField noise = new SmoothRandomField(rng, x0, y0, z0, Math.abs(hi[0] - lo[0]),
        Math.abs(hi[1] - lo[1]), Math.abs(hi[2] - lo[2]), COARSENESS_MM.draw(rng));
    float[] t = new float[box.size()];
    for (int k = box.k0(); k <= box.k1(); k++) {
      for (int j = box.j0(); j <= box.j1(); j++) {
        for (int i = box.i0(); i <= box.i1(); i++) {
          double[] p = toLps.apply(i, j, k);
          t[box.local(i, j, k)] = (float) noise.at(p[0], p[1], p[2]);
        }
      }
    }
    GaussianBlur.blur(t, box.nx(), box.ny(), box.nz(), BLUR_MM / grid.spacing(0),
        BLUR_MM / grid.spacing(1), BLUR_MM / grid.spacing(2));
    double mean = 0;
    for (float v : t) {
      mean += v;
    }
    mean /= t.length;
    double var = 0;
    for (float v : t) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / t.length);
    double scale = sd > 1e-9 ? 1 / sd : 0;
    for (int n = 0; n < t.length; n++) {
      t[n] = (float) ((t[n] - mean) * scale);
    }
    return t;
  }
}
