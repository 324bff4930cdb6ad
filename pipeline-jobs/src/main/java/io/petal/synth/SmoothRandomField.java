package io.petal.synth;

import java.util.SplittableRandom;

/**
 * A smooth random scalar field: independent standard-normal values on a regular lattice of
 * spacing {@code cell}, interpolated with Catmull–Rom cubics (the "Gaussian noise upscaled by
 * cubic interpolation" of the synthetic-tumour texture). Coordinates are in any unit shared by
 * {@code cell} and the covered box (mm or voxels). Values are divided by the interpolant's mean
 * standard deviation, so they are about N(0, 1) everywhere; outside the box the nearest lattice
 * values are used. Not thread-safe (one instance serves one patient's generation).
 */
public final class SmoothRandomField {
  /** Mean over a cell of Σ w_k(t)² for the Catmull–Rom weights, per axis. */
  private static final double MEAN_SQUARED_WEIGHT_SUM = meanSquaredWeightSum();

  private final double x0;
  private final double y0;
  private final double z0;
  private final double cell;
  private final int nx;
  private final int ny;
  private final int nz;
  private final float[] lattice;
  private final double norm;
  private final double[] wx = new double[4];
  private final double[] wy = new double[4];
  private final double[] wz = new double[4];

  /**
   * A field covering the box from {@code (x0, y0, z0)} with extents {@code (ex, ey, ez)}, lattice
   * spacing {@code cell} (all in the same unit), drawn from {@code rng}.
   */
  public SmoothRandomField(SplittableRandom rng, double x0, double y0, double z0, double ex, double ey,
      double ez, double cell) {
    if (!(cell > 0)) {
      throw new IllegalArgumentException("lattice spacing must be positive, got " + cell);
    }
    this.x0 = x0 - cell;
    this.y0 = y0 - cell;
    this.z0 = z0 - cell;
    this.cell = cell;
    this.nx = (int) Math.ceil(ex / cell) + 4;
    this.ny = (int) Math.ceil(ey / cell) + 4;
    this.nz = (int) Math.ceil(ez / cell) + 4;
    this.lattice = new float[nx * ny * nz];
    for (int n = 0; n < lattice.length; n++) {
      lattice[n] = (float) rng.nextGaussian();
    }
    this.norm = 1 / Math.sqrt(Math.pow(MEAN_SQUARED_WEIGHT_SUM, 3));
  }

  /** The field at a point. */
  public double at(double x, double y, double z) {
    double fx = (x - x0) / cell;
    double fy = (y - y0) / cell;
    double fz = (z - z0) / cell;
    int ix = clampBase(fx, nx);
    int iy = clampBase(fy, ny);
    int iz = clampBase(fz, nz);
    weights(fx - ix, wx);
    weights(fy - iy, wy);
    weights(fz - iz, wz);
    double sum = 0;
    for (int c = 0; c < 4; c++) {
      int zz = Math.min(nz - 1, Math.max(0, iz - 1 + c));
      for (int b = 0; b < 4; b++) {
        int yy = Math.min(ny - 1, Math.max(0, iy - 1 + b));
        int row = (zz * ny + yy) * nx;
        double s = 0;
        for (int a = 0; a < 4; a++) {
          int xx = Math.min(nx - 1, Math.max(0, ix - 1 + a));
          s += wx[a] * lattice[row + xx];
        }
        sum += wz[c] * wy[b] * s;
      }
    }
    return sum * norm;
  }

  private static int clampBase(double f, int n) {
    return Math.max(1, Math.min(n - 3, (int) Math.floor(f)));
  }

  /** Catmull–Rom weights of the four lattice values around fractional offset t in [0, 1). */
  private static void weights(double t, double[] w) {
    t = Math.max(0, Math.min(1, t));
    double t2 = t * t;
    double t3 = t2 * t;
    w[0] = 0.5 * (-t3 + 2 * t2 - t);
    w[1] = 0.5 * (3 * t3 - 5 * t2 + 2);
    w[2] = 0.5 * (-3 * t3 + 4 * t2 + t);
    w[3] = 0.5 * (t3 - t2);
  }

  private static double meanSquaredWeightSum() {
    int steps = 1000;
    double acc = 0;
    double[] w = new double[4];
    for (int s = 0; s < steps; s++) {
      weights((s + 0.5) / steps, w);
      acc += w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3];
    }
    return acc / steps;
  }
}
