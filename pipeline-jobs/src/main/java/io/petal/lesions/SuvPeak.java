package io.petal.lesions;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * SUVpeak as Petal defines it: the highest mean SUV of a 1 mL sphere (radius
 * {@link #RADIUS_MM} = (3·1000 mm³ / 4π)^(1/3) ≈ 6.2035 mm) centred on a voxel of the lesion.
 *
 * <p>The sphere's mean is taken over the voxels of the image whose centres lie within the radius
 * of the centre voxel's centre, distances in patient mm through the grid's affine (so anisotropic
 * and oblique grids are handled); voxels outside the lesion count (the PERCIST-style sphere),
 * voxels outside the image do not. There is no partial-voxel weighting: on a coarse grid the
 * sphere's voxels may cover somewhat more or less than 1 mL ({@link #sphereVolumeMl()}).
 *
 * <p>Values are read from a flat SUV array on the grid, x fastest ({@link ImageGrid#index}).
 */
public final class SuvPeak {
  /** Radius of a sphere of 1 mL, mm. */
  public static final double RADIUS_MM = Math.cbrt(3 * 1000 / (4 * Math.PI));

  private final ImageGrid grid;
  private final int[][] offsets;

  /** The 1 mL sphere on {@code grid}. */
  public SuvPeak(ImageGrid grid) {
    this(grid, RADIUS_MM);
  }

  /** A sphere of {@code radiusMm} on {@code grid} (tests; SUVpeak uses {@link #RADIUS_MM}). */
  SuvPeak(ImageGrid grid, double radiusMm) {
    this.grid = grid;
    this.offsets = offsetsWithin(grid.affine(), radiusMm);
  }

  /** Number of voxel centres within the sphere around an inner voxel (the centre included). */
  public int sphereVoxels() {
    return offsets.length;
  }

  /** Volume of the sphere's voxels around an inner voxel, mL. */
  public double sphereVolumeMl() {
    return offsets.length * grid.voxelVolumeMl();
  }

  /** Mean of {@code suv} over the sphere centred on voxel (i, j, k), image voxels only. */
  public double sphereMean(float[] suv, int i, int j, int k) {
    double sum = 0;
    int n = 0;
    for (int[] d : offsets) {
      int a = i + d[0];
      int b = j + d[1];
      int c = k + d[2];
      if (a >= 0 && b >= 0 && c >= 0 && a < grid.nx() && b < grid.ny() && c < grid.nz()) {
        sum += suv[grid.index(a, b, c)];
        n++;
      }
    }
    return sum / n;
  }

  /**
   * Index offsets (di, dj, dk) whose patient-space length |A·d| is at most {@code radiusMm}
   * (A: the affine's linear part). |d_a| is bounded by radius × the norm of row a of A⁻¹.
   */
  private static int[][] offsetsWithin(Affine affine, double radiusMm) {
    double[] inv = affine.inverse().rowMajor3x4();
    int[] reach = new int[3];
    for (int a = 0; a < 3; a++) {
      double rowNorm = Math.sqrt(inv[a * 4] * inv[a * 4] + inv[a * 4 + 1] * inv[a * 4 + 1]
          + inv[a * 4 + 2] * inv[a * 4 + 2]);
      reach[a] = (int) Math.floor(radiusMm * rowNorm + 1e-9);
    }
    double[] m = affine.rowMajor3x4();
    double r2 = radiusMm * radiusMm * (1 + 1e-12);
    List<int[]> list = new ArrayList<>();
    for (int dk = -reach[2]; dk <= reach[2]; dk++) {
      for (int dj = -reach[1]; dj <= reach[1]; dj++) {
        for (int di = -reach[0]; di <= reach[0]; di++) {
          double x = m[0] * di + m[1] * dj + m[2] * dk;
          double y = m[4] * di + m[5] * dj + m[6] * dk;
          double z = m[8] * di + m[9] * dj + m[10] * dk;
          if (x * x + y * y + z * z <= r2) {
            list.add(new int[] {di, dj, dk});
          }
        }
      }
    }
    return list.toArray(new int[0][]);
  }
}
