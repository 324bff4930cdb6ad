package io.petal.models.seg;

import java.util.SplittableRandom;

/**
 * A smooth random field in a cube around the origin: independent N(0, 1) values on a cubic lattice,
 * trilinearly interpolated (value noise). Points outside the cube take the nearest face's values.
 * The standard deviation is 1 at lattice nodes and lower between them.
 */
final class SmoothNoise {
  private final double spacing;
  private final int nodes;
  private final double origin;
  private final float[] values;

  /**
   * @param halfExtentMm the cube spans [−halfExtent, halfExtent] mm along each axis
   * @param spacingMm lattice spacing, mm: the size of the texture's grains
   */
  SmoothNoise(double halfExtentMm, double spacingMm, SplittableRandom random) {
    this.spacing = spacingMm;
    this.nodes = (int) Math.ceil(2 * halfExtentMm / spacingMm) + 2;
    this.origin = -halfExtentMm;
    this.values = new float[nodes * nodes * nodes];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
  }

  /** The field at (x, y, z) mm. */
  double at(double x, double y, double z) {
    double fx = lattice(x);
    double fy = lattice(y);
    double fz = lattice(z);
    int ix = Math.min((int) fx, nodes - 2);
    int iy = Math.min((int) fy, nodes - 2);
    int iz = Math.min((int) fz, nodes - 2);
    double tx = fx - ix;
    double ty = fy - iy;
    double tz = fz - iz;
    double sum = 0;
    for (int dz = 0; dz < 2; dz++) {
      for (int dy = 0; dy < 2; dy++) {
        for (int dx = 0; dx < 2; dx++) {
          double weight = (dx == 0 ? 1 - tx : tx) * (dy == 0 ? 1 - ty : ty) * (dz == 0 ? 1 - tz : tz);
          sum += weight * values[((iz + dz) * nodes + iy + dy) * nodes + ix + dx];
        }
      }
    }
    return sum;
  }

  private double lattice(double mm) {
    return Math.max(0, Math.min(nodes - 1, (mm - origin) / spacing));
  }
}
