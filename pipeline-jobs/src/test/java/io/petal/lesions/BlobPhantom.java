package io.petal.lesions;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;

/**
 * A small anisotropic study with hand-placed lesions whose statistics are worked out by hand below.
 *
 * <p>Grid 20 × 16 × 10 voxels of 2 × 3 × 4 mm (voxel volume 24 mm³ = 0.024 mL), voxel (0,0,0) at
 * LPS (-20, -24, 100) mm. Background SUV 1.0, CT 0 HU.
 * <ul>
 *   <li>Lesion 1 (A): the box i 2..4, j 3..4, k 2..3 (12 voxels), SUV 5.0 except 9.0 at (3,3,2); CT 40 HU.</li>
 *   <li>Lesion 2 (B): (10,10,5) SUV 3.0 and (11,11,5) SUV 4.0 — they share an edge; CT -100 HU.</li>
 *   <li>Lesion 3 (C): (12,12,6) SUV 6.0, touching B's (11,11,5) at a corner only, so a separate
 *       lesion under 18-connectivity; CT 200 HU.</li>
 * </ul>
 * The 1 mL sphere (r = 6.2035 mm) holds 41 voxels here: 19 in the centre's slice
 * ((2di)² + (3dj)² ≤ 38.48: 7 + 2·5 + 2·1) and 11 in each neighbouring slice (16 + … ≤ 38.48:
 * 5 + 2·3); slices ±2 are 8 mm away.
 */
final class BlobPhantom {
  static final int NX = 20;
  static final int NY = 16;
  static final int NZ = 10;
  static final ImageGrid GRID = new ImageGrid(NX, NY, NZ, Affine.axisAligned(2, 3, 4, -20, -24, 100));
  static final double VOXEL_ML = 0.024;
  static final int SPHERE_VOXELS = 41;

  final float[] suv = new float[GRID.voxelCount()];
  final float[] ct = new float[GRID.voxelCount()];
  final byte[] mask = new byte[GRID.voxelCount()];

  BlobPhantom() {
    java.util.Arrays.fill(suv, 1f);
    for (int k = 2; k <= 3; k++) {
      for (int j = 3; j <= 4; j++) {
        for (int i = 2; i <= 4; i++) {
          put(i, j, k, 5f, 40f);
        }
      }
    }
    put(3, 3, 2, 9f, 40f);
    put(10, 10, 5, 3f, -100f);
    put(11, 11, 5, 4f, -100f);
    put(12, 12, 6, 6f, 200f);
  }

  private void put(int i, int j, int k, float suvValue, float hu) {
    int v = GRID.index(i, j, k);
    suv[v] = suvValue;
    ct[v] = hu;
    mask[v] = 1;
  }

  /** The mask with only lesion A (a prediction that missed B and C). */
  byte[] maskOfAOnly() {
    byte[] a = new byte[mask.length];
    for (int k = 2; k <= 3; k++) {
      for (int j = 3; j <= 4; j++) {
        for (int i = 2; i <= 4; i++) {
          a[GRID.index(i, j, k)] = 1;
        }
      }
    }
    return a;
  }

  // Expected values, by hand.
  // A: 12 voxels = 0.288 mL; SUVmean (11·5 + 9)/12 = 64/12; TLG = 64/12 · 0.288 = 1.536.
  //    Centroid index (3, 3.5, 2.5) -> (-20 + 6, -24 + 10.5, 100 + 10) = (-14, -13.5, 110) mm.
  //    SUVpeak: a sphere centred at i = 3 holds all 12 lesion voxels (farthest offset (1,1,1):
  //    4 + 9 + 16 = 29 mm² ≤ 38.48) and 29 background voxels: (64 + 29) / 41.
  static final double A_SUV_MEAN = 64.0 / 12;
  static final double A_SUV_PEAK = 93.0 / 41;
  // B: 2 voxels; SUVmean 3.5; centroid index (10.5, 10.5, 5) -> (1, 7.5, 120) mm.
  //    SUVpeak at (11,11,5): B's two voxels, C's voxel (offset (1,1,1)) and 38 background: (3 + 4 + 6 + 38) / 41.
  static final double B_SUV_PEAK = 51.0 / 41;
  // C: 1 voxel; SUVpeak at (12,12,6): C, B's (11,11,5), 39 background ((10,10,5) is at (2,2,1): 68 mm²): 49 / 41.
  static final double C_SUV_PEAK = 49.0 / 41;
}
