package io.petal.synth;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;

/**
 * The mass effect of the synthetic-tumour method: a local scaling warp that pushes the tissue
 * around a growing lesion outwards. A voxel at distance γ &lt; γmax from the centre takes the
 * value found at distance
 * <pre>γ' = γ · (1 − (1 − γ/γmax)² · I/100)</pre>
 * along the same ray (I in [0, 100] is the strength); beyond γmax nothing moves. Continuous
 * images are resampled trilinearly, label maps by nearest neighbour.
 */
final class MassEffect {
  private MassEffect() {}

  /**
   * Warps the given arrays (x-fastest on {@code grid}) in place around {@code centre} (LPS mm).
   */
  static void apply(ImageGrid grid, Vec3 centre, double gammaMaxMm, double strength,
      float[][] images, byte[][] labels) {
    if (strength <= 0 || gammaMaxMm <= 0) {
      return;
    }
    if (strength > 100) {
      throw new IllegalArgumentException("mass-effect strength must be in [0, 100], got " + strength);
    }
    VoxelBox box = VoxelBox.around(grid, centre, gammaMaxMm);
    if (box.size() == 0) {
      return;
    }
    float[][] srcImages = new float[images.length][];
    byte[][] srcLabels = new byte[labels.length][];
    for (int a = 0; a < images.length; a++) {
      srcImages[a] = copy(images[a], grid, box);
    }
    for (int a = 0; a < labels.length; a++) {
      srcLabels[a] = copy(labels[a], grid, box);
    }
    Affine toLps = grid.affine();
    Affine toIndex = toLps.inverse();
    double s = strength / 100;
    for (int k = box.k0(); k <= box.k1(); k++) {
      for (int j = box.j0(); j <= box.j1(); j++) {
        for (int i = box.i0(); i <= box.i1(); i++) {
          double[] p = toLps.apply(i, j, k);
          double dx = p[0] - centre.x();
          double dy = p[1] - centre.y();
          double dz = p[2] - centre.z();
          double gamma = Math.sqrt(dx * dx + dy * dy + dz * dz);
          if (gamma >= gammaMaxMm) {
            continue;
          }
          double f = 1 - sq(1 - gamma / gammaMaxMm) * s;
          double[] q = toIndex.apply(centre.x() + dx * f, centre.y() + dy * f, centre.z() + dz * f);
          int n = grid.index(i, j, k);
          for (int a = 0; a < images.length; a++) {
            images[a][n] = trilinear(srcImages[a], box, q);
          }
          for (int a = 0; a < labels.length; a++) {
            labels[a][n] = nearest(srcLabels[a], box, q);
          }
        }
      }
    }
  }

  private static double sq(double x) {
    return x * x;
  }

  private static float[] copy(float[] data, ImageGrid g, VoxelBox b) {
    float[] out = new float[b.size()];
    for (int k = b.k0(); k <= b.k1(); k++) {
      for (int j = b.j0(); j <= b.j1(); j++) {
        System.arraycopy(data, g.index(b.i0(), j, k), out, b.local(b.i0(), j, k), b.nx());
      }
    }
    return out;
  }

  private static byte[] copy(byte[] data, ImageGrid g, VoxelBox b) {
    byte[] out = new byte[b.size()];
    for (int k = b.k0(); k <= b.k1(); k++) {
      for (int j = b.j0(); j <= b.j1(); j++) {
        System.arraycopy(data, g.index(b.i0(), j, k), out, b.local(b.i0(), j, k), b.nx());
      }
    }
    return out;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static float trilinear(float[] src, VoxelBox b, double[] q) {
    double x = Math.max(b.i0(), Math.min(b.i1(), q[0]));
    double y = Math.max(b.j0(), Math.min(b.j1(), q[1]));
    double z = Math.max(b.k0(), Math.min(b.k1(), q[2]));
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    int z0 = (int) Math.floor(z);
    int x1 = Math.min(b.i1(), x0 + 1);
    int y1 = Math.min(b.j1(), y0 + 1);
    int z1 = Math.min(b.k1(), z0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    double fz = z - z0;
    double c00 = src[b.local(x0, y0, z0)] * (1 - fx) + src[b.local(x1, y0, z0)] * fx;
    double c10 = src[b.local(x0, y1, z0)] * (1 - fx) + src[b.local(x1, y1, z0)] * fx;
    double c01 = src[b.local(x0, y0, z1)] * (1 - fx) + src[b.local(x1, y0, z1)] * fx;
    double c11 = src[b.local(x0, y1, z1)] * (1 - fx) + src[b.local(x1, y1, z1)] * fx;
    double c0 = c00 * (1 - fy) + c10 * fy;
    double c1 = c01 * (1 - fy) + c11 * fy;
    return (float) (c0 * (1 - fz) + c1 * fz);
  }

  private static byte nearest(byte[] src, VoxelBox b, double[] q) {
    int x = clamp((int) Math.round(q[0]), b.i0(), b.i1());
    int y = clamp((int) Math.round(q[1]), b.j0(), b.j1());
    int z = clamp((int) Math.round(q[2]), b.k0(), b.k1());
    return src[b.local(x, y, z)];
  }
}
