package io.petal.geometry;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;

/**
 * Resamples a volume onto another grid with the full affine of both (any rotation, spacing,
 * origin or field of view): each target voxel centre is mapped to patient mm and back into the
 * source's voxel index space, then read trilinearly or by nearest neighbour.
 *
 * <p>Target voxels whose position falls outside the source's field of view (beyond half a voxel
 * past the outer voxel centres) get {@code outside} (e.g. -1000 HU for CT, 0 for labels).
 * Cost: one 3×4 map per volume and O(1) work per target voxel; none when the grids already agree
 * (the source's values are returned as they are, without a copy).
 */
public final class Resampler {
  private Resampler() {}

  /** {@code source} resampled onto {@code target}. */
  public static Volume resample(Volume source, ImageGrid target, Interpolation mode, float outside) {
    ImageGrid s = source.grid();
    if (s.sameGeometry(target, 1e-6)) {
      return new Volume(target, source.data()); // volumes share their arrays and are never mutated
    }
    // target index -> patient mm -> source index
    Affine map = s.affine().inverse().compose(target.affine());
    float[] src = source.data();
    float[] out = new float[target.voxelCount()];
    int nx = s.nx(), ny = s.ny(), nz = s.nz();
    double[] a = map.rowMajor3x4();
    int o = 0;
    for (int k = 0; k < target.nz(); k++) {
      for (int j = 0; j < target.ny(); j++) {
        double x = a[1] * j + a[2] * k + a[3];
        double y = a[5] * j + a[6] * k + a[7];
        double z = a[9] * j + a[10] * k + a[11];
        for (int i = 0; i < target.nx(); i++, o++) {
          out[o] = mode == Interpolation.NEAREST
              ? nearest(src, nx, ny, nz, x, y, z, outside)
              : trilinear(src, nx, ny, nz, x, y, z, outside);
          x += a[0];
          y += a[4];
          z += a[8];
        }
      }
    }
    return new Volume(target, out);
  }

  private static boolean inside(double x, double y, double z, int nx, int ny, int nz) {
    return x >= -0.5 && y >= -0.5 && z >= -0.5 && x <= nx - 0.5 && y <= ny - 0.5 && z <= nz - 0.5;
  }

  private static float nearest(float[] src, int nx, int ny, int nz, double x, double y, double z, float outside) {
    if (!inside(x, y, z, nx, ny, nz)) {
      return outside;
    }
    int i = clamp((int) Math.round(x), nx);
    int j = clamp((int) Math.round(y), ny);
    int k = clamp((int) Math.round(z), nz);
    return src[i + nx * (j + ny * k)];
  }

  private static float trilinear(float[] src, int nx, int ny, int nz, double x, double y, double z, float outside) {
    if (!inside(x, y, z, nx, ny, nz)) {
      return outside;
    }
    // within half a voxel of the border, the edge voxel is extended (clamped coordinates)
    x = Math.min(Math.max(x, 0), nx - 1);
    y = Math.min(Math.max(y, 0), ny - 1);
    z = Math.min(Math.max(z, 0), nz - 1);
    int i0 = Math.min((int) x, nx - 1), j0 = Math.min((int) y, ny - 1), k0 = Math.min((int) z, nz - 1);
    int i1 = Math.min(i0 + 1, nx - 1), j1 = Math.min(j0 + 1, ny - 1), k1 = Math.min(k0 + 1, nz - 1);
    double fx = x - i0, fy = y - j0, fz = z - k0;
    int p = nx * ny;
    double c00 = lerp(src[i0 + nx * j0 + p * k0], src[i1 + nx * j0 + p * k0], fx);
    double c10 = lerp(src[i0 + nx * j1 + p * k0], src[i1 + nx * j1 + p * k0], fx);
    double c01 = lerp(src[i0 + nx * j0 + p * k1], src[i1 + nx * j0 + p * k1], fx);
    double c11 = lerp(src[i0 + nx * j1 + p * k1], src[i1 + nx * j1 + p * k1], fx);
    return (float) lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
  }

  private static double lerp(double a, double b, double f) {
    return a + (b - a) * f;
  }

  private static int clamp(int v, int n) {
    return v < 0 ? 0 : Math.min(v, n - 1);
  }
}
