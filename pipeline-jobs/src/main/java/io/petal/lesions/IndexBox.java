package io.petal.lesions;

import java.io.Serializable;

/** An inclusive box of voxel indices (i, j, k) on a study's grid. */
public record IndexBox(int iMin, int iMax, int jMin, int jMax, int kMin, int kMax) implements Serializable {

  public IndexBox {
    if (iMin > iMax || jMin > jMax || kMin > kMax) {
      throw new IllegalArgumentException("empty box: i " + iMin + ".." + iMax + ", j " + jMin + ".." + jMax
          + ", k " + kMin + ".." + kMax);
    }
  }

  /** Number of voxels along index axis 0, 1 or 2. */
  public int size(int axis) {
    return switch (axis) {
      case 0 -> iMax - iMin + 1;
      case 1 -> jMax - jMin + 1;
      case 2 -> kMax - kMin + 1;
      default -> throw new IllegalArgumentException("axis " + axis + " is not 0, 1 or 2");
    };
  }
}
