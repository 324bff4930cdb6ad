package io.petal.synth;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;

/**
 * A box of voxel indices (inclusive bounds) on a grid: the working region of one lesion.
 */
record VoxelBox(int i0, int i1, int j0, int j1, int k0, int k1) {

  /** The voxels whose centres may lie within {@code radiusMm} of {@code centre} (LPS), clipped. */
  static VoxelBox around(ImageGrid grid, Vec3 centre, double radiusMm) {
    Affine inv = grid.affine().inverse();
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int corner = 0; corner < 8; corner++) {
      double x = centre.x() + ((corner & 1) == 0 ? -radiusMm : radiusMm);
      double y = centre.y() + ((corner & 2) == 0 ? -radiusMm : radiusMm);
      double z = centre.z() + ((corner & 4) == 0 ? -radiusMm : radiusMm);
      double[] idx = inv.apply(x, y, z);
      for (int a = 0; a < 3; a++) {
        lo[a] = Math.min(lo[a], idx[a]);
        hi[a] = Math.max(hi[a], idx[a]);
      }
    }
    return new VoxelBox(
        Math.max(0, (int) Math.floor(lo[0])), Math.min(grid.nx() - 1, (int) Math.ceil(hi[0])),
        Math.max(0, (int) Math.floor(lo[1])), Math.min(grid.ny() - 1, (int) Math.ceil(hi[1])),
        Math.max(0, (int) Math.floor(lo[2])), Math.min(grid.nz() - 1, (int) Math.ceil(hi[2])));
  }

  int nx() {
    return i1 - i0 + 1;
  }

  int ny() {
    return j1 - j0 + 1;
  }

  int nz() {
    return k1 - k0 + 1;
  }

  /** Number of voxels (0 when the box is empty). */
  int size() {
    return nx() > 0 && ny() > 0 && nz() > 0 ? nx() * ny() * nz() : 0;
  }

  /** Index inside the box of grid voxel (i, j, k), x-fastest. */
  int local(int i, int j, int k) {
    return (i - i0) + nx() * ((j - j0) + ny() * (k - k0));
  }
}
