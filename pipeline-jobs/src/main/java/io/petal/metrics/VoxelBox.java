package io.petal.metrics;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;

/**
 * An axis-aligned box of voxels inside a grid: origin (i0, j0, k0) and size (nx, ny, nz), so
 * that per-patient work can run on the lesions' bounding box instead of the whole body.
 */
record VoxelBox(int i0, int j0, int k0, int nx, int ny, int nz) {

  /** The smallest box holding every true voxel of the masks, or null when all are empty. */
  static VoxelBox around(ImageGrid grid, boolean[]... masks) {
    int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    int[] hi = {-1, -1, -1};
    int nx = grid.nx();
    int sliceSize = grid.sliceSize();
    for (int v = 0; v < grid.voxelCount(); v++) {
      if (!any(masks, v)) {
        continue;
      }
      int k = v / sliceSize;
      int j = (v - k * sliceSize) / nx;
      int i = v - k * sliceSize - j * nx;
      int[] ijk = {i, j, k};
      for (int a = 0; a < 3; a++) {
        lo[a] = Math.min(lo[a], ijk[a]);
        hi[a] = Math.max(hi[a], ijk[a]);
      }
    }
    if (hi[0] < 0) {
      return null;
    }
    return new VoxelBox(lo[0], lo[1], lo[2], hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1);
  }

  /** The box as a grid of its own, placed where it lies in patient space. */
  ImageGrid grid(ImageGrid whole) {
    return new ImageGrid(nx, ny, nz, whole.affine().compose(Affine.axisAligned(1, 1, 1, i0, j0, k0)));
  }

  /** The part of a whole-grid mask inside the box, x fastest. */
  boolean[] crop(boolean[] mask, ImageGrid whole) {
    boolean[] out = new boolean[nx * ny * nz];
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        System.arraycopy(mask, whole.index(i0, j0 + j, k0 + k), out, nx * (j + ny * k), nx);
      }
    }
    return out;
  }

  private static boolean any(boolean[][] masks, int v) {
    for (boolean[] m : masks) {
      if (m[v]) {
        return true;
      }
    }
    return false;
  }
}
