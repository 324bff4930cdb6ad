package io.petal.lesions;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.Arrays;

/**
 * A CT torso for the lung finder: 40 × 30 × 60 voxels of 8 × 8 × 10 mm, slice k at patient
 * z = 10·k mm. Room air -1000 HU around an elliptic body (semi-axes 15 × 11 voxels, 40 HU) that
 * runs through every slice. Lungs (-800 HU) are painted only where asked.
 */
final class TorsoPhantom {
  static final ImageGrid GRID = new ImageGrid(40, 30, 60, Affine.axisAligned(8, 8, 10, -160, -120, 0));
  final float[] hu = new float[GRID.voxelCount()];

  TorsoPhantom() {
    Arrays.fill(hu, -1000f);
    for (int k = 0; k < GRID.nz(); k++) {
      for (int j = 0; j < GRID.ny(); j++) {
        for (int i = 0; i < GRID.nx(); i++) {
          if (sq((i - 20) / 15.0) + sq((j - 15) / 11.0) <= 1) {
            hu[GRID.index(i, j, k)] = 40f;
          }
        }
      }
    }
  }

  /** Two lungs (left and right ellipsoids, 5 × 6 × 10 voxels semi-axes, ≈ 0.8 L each) centred on slice {@code kc}. */
  TorsoPhantom lungs(int kc) {
    for (int side : new int[] {-1, 1}) {
      ellipsoid(20 + side * 7, 15, kc, 5, 6, 10, -800f);
    }
    return this;
  }

  /** An air pocket of semi-axes (a, b, c) voxels at (i, j, k) (e.g. bowel gas: small). */
  TorsoPhantom ellipsoid(int ic, int jc, int kc, double a, double b, double c, float value) {
    for (int k = 0; k < GRID.nz(); k++) {
      for (int j = 0; j < GRID.ny(); j++) {
        for (int i = 0; i < GRID.nx(); i++) {
          if (sq((i - ic) / a) + sq((j - jc) / b) + sq((k - kc) / c) <= 1) {
            hu[GRID.index(i, j, k)] = value;
          }
        }
      }
    }
    return this;
  }

  /**
   * Airways: bronchi across slice {@code kc} joining both lungs of {@link #lungs(int)}, a trachea
   * (2 voxels) up to slice {@code top} and a wide air space (throat, nose) on its last slices.
   */
  TorsoPhantom airways(int kc, int top) {
    for (int i = 13; i <= 27; i++) {
      hu[GRID.index(i, 15, kc)] = -1000f;
    }
    for (int k = kc; k <= top; k++) {
      hu[GRID.index(20, 15, k)] = -1000f;
      hu[GRID.index(20, 16, k)] = -1000f;
    }
    return ellipsoid(20, 15, top, 5, 4, 2, -1000f);
  }

  /** A hollow, air-filled slab under the body through every slice (a scanner table's core). */
  TorsoPhantom hollowTable() {
    for (int k = 0; k < GRID.nz(); k++) {
      for (int i = 4; i <= 35; i++) {
        for (int j = 26; j <= 29; j++) {
          boolean shell = j == 26 || j == 29 || i == 4 || i == 35;
          hu[GRID.index(i, j, k)] = shell ? 300f : -950f;
        }
      }
    }
    return this;
  }

  Volume volume() {
    return new Volume(GRID, hu);
  }

  private static double sq(double x) {
    return x * x;
  }
}
