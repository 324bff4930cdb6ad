package io.petal.image;

/**
 * Exact Euclidean distance (mm) from every voxel centre to the nearest voxel of a mask, on a grid
 * with anisotropic spacing (separable squared-distance transform of Felzenszwalb and
 * Huttenlocher, 2012). Voxels of the mask have distance 0; with an empty mask every distance is
 * infinite.
 *
 * <p>Distances use the grid's per-axis spacing ({@link ImageGrid#spacing}), so they are exact for
 * grids with orthogonal axes (any orientation, any spacing); a sheared grid is not supported.
 */
public final class DistanceMap {
  private DistanceMap() {}

  private static final double INF = 1e20;

  /**
   * Distance in mm from each voxel centre of {@code grid} to the nearest true voxel of
   * {@code mask} (x-fastest, {@link ImageGrid#voxelCount()} values); infinity when the mask is empty.
   */
  public static float[] distanceMm(boolean[] mask, ImageGrid grid) {
    if (mask.length != grid.voxelCount()) {
      throw new IllegalArgumentException("mask has " + mask.length + " voxels, grid "
          + grid.nx() + "x" + grid.ny() + "x" + grid.nz() + " needs " + grid.voxelCount());
    }
    int nx = grid.nx();
    int ny = grid.ny();
    int nz = grid.nz();
    double[] d2 = new double[mask.length];
    for (int n = 0; n < mask.length; n++) {
      d2[n] = mask[n] ? 0 : INF;
    }
    int maxLen = Math.max(nx, Math.max(ny, nz));
    double[] f = new double[maxLen];
    double[] out = new double[maxLen];
    int[] v = new int[maxLen];
    double[] z = new double[maxLen + 1];
    int[] strides = {1, nx, nx * ny};
    int[] lens = {nx, ny, nz};
    for (int axis = 0; axis < 3; axis++) {
      double s2 = grid.spacing(axis) * grid.spacing(axis);
      int len = lens[axis];
      int stride = strides[axis];
      int lines = mask.length / len;
      for (int l = 0; l < lines; l++) {
        int start = lineStart(l, axis, nx, ny);
        for (int t = 0; t < len; t++) {
          f[t] = d2[start + t * stride];
        }
        transform1d(f, len, s2, out, v, z);
        for (int t = 0; t < len; t++) {
          d2[start + t * stride] = out[t];
        }
      }
    }
    float[] dist = new float[mask.length];
    for (int n = 0; n < mask.length; n++) {
      dist[n] = d2[n] >= INF / 2 ? Float.POSITIVE_INFINITY : (float) Math.sqrt(d2[n]);
    }
    return dist;
  }

  private static int lineStart(int l, int axis, int nx, int ny) {
    return switch (axis) {
      case 0 -> l * nx;
      case 1 -> (l % nx) + nx * ny * (l / nx);
      default -> l;
    };
  }

  /** Lower envelope of parabolas s2·(q − p)² + f(p), written to {@code out}. */
  private static void transform1d(double[] f, int n, double s2, double[] out, int[] v, double[] z) {
    int k = -1;
    for (int q = 0; q < n; q++) {
      if (f[q] >= INF) {
        continue;
      }
      while (true) {
        if (k < 0) {
          k = 0;
          v[0] = q;
          z[0] = Double.NEGATIVE_INFINITY;
          z[1] = Double.POSITIVE_INFINITY;
          break;
        }
        double s = ((f[q] + s2 * q * q) - (f[v[k]] + s2 * v[k] * v[k])) / (2 * s2 * (q - v[k]));
        if (s <= z[k]) {
          k--;
          continue;
        }
        k++;
        v[k] = q;
        z[k] = s;
        z[k + 1] = Double.POSITIVE_INFINITY;
        break;
      }
    }
    if (k < 0) {
      for (int q = 0; q < n; q++) {
        out[q] = INF;
      }
      return;
    }
    int j = 0;
    for (int q = 0; q < n; q++) {
      while (z[j + 1] < q) {
        j++;
      }
      double dq = q - v[j];
      out[q] = s2 * dq * dq + f[v[j]];
    }
  }
}
