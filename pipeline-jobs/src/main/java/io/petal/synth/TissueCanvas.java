package io.petal.synth;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;

/**
 * The tissue map of one patient under construction: one {@link Tissue} code per voxel of the
 * study grid (x-fastest, {@link ImageGrid#index}). Shapes given in the reference-body frame are
 * painted at voxel centres in order, later shapes over earlier ones ("painter's algorithm"),
 * optionally only over chosen tissues.
 */
final class TissueCanvas {
  private final ImageGrid grid;
  private final BodyFrame frame;
  private final byte[] tissue;
  private final double[] ref; // 3x4 row-major: (u, v, w) = ref · (i, j, k, 1)
  private final Affine indexFromLps;

  TissueCanvas(ImageGrid grid, BodyFrame frame) {
    this.grid = grid;
    this.frame = frame;
    this.tissue = new byte[grid.voxelCount()]; // all AIR (code 0)
    this.indexFromLps = grid.affine().inverse();
    Affine a = grid.affine();
    double[] scale = {frame.scaleU(), frame.scaleV(), -frame.scaleW()};
    double[] origin = {frame.originX(), frame.originY(), frame.vertexZ()};
    this.ref = new double[12];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        double m = a.get(r, c) - (c == 3 ? origin[r] : 0);
        ref[r * 4 + c] = m / scale[r];
      }
    }
  }

  ImageGrid grid() {
    return grid;
  }

  BodyFrame frame() {
    return frame;
  }

  /** The tissue codes, x-fastest (shared, not copied). */
  byte[] tissue() {
    return tissue;
  }

  /** The largest voxel spacing of the grid expressed in reference-frame mm. */
  double largestSpacingReferenceMm() {
    double s = 0;
    for (int axis = 0; axis < 3; axis++) {
      double du = ref[axis];
      double dv = ref[4 + axis];
      double dw = ref[8 + axis];
      s = Math.max(s, Math.sqrt(du * du + dv * dv + dw * dw));
    }
    return s;
  }

  /** Paints {@code tissue} into every voxel whose centre lies inside {@code shape}. */
  void paint(Shape shape, Tissue t) {
    paint(shape, t, null);
  }

  /**
   * Paints {@code t} into the voxels inside {@code shape} whose current tissue is marked in
   * {@code over} (a {@link Tissue#maskOf} table), or into all of them when {@code over} is null.
   */
  void paint(Shape shape, Tissue t, boolean[] over) {
    byte code = t.code();
    visit(shape.bounds(), (index, u, v, w) -> {
      if ((over == null || over[tissue[index]]) && shape.contains(u, v, w)) {
        tissue[index] = code;
      }
    });
  }

  /** Visits every voxel of the grid. */
  void visitAll(VoxelVisitor visitor) {
    visitRange(0, grid.nx() - 1, 0, grid.ny() - 1, 0, grid.nz() - 1, visitor);
  }

  /** Visits the voxels whose centres may lie in {@code box} (a superset, clipped to the grid). */
  void visit(Box box, VoxelVisitor visitor) {
    if (box.isEmpty()) {
      return;
    }
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int corner = 0; corner < 8; corner++) {
      Vec3 p = frame.toLps((corner & 1) == 0 ? box.u0() : box.u1(),
          (corner & 2) == 0 ? box.v0() : box.v1(), (corner & 4) == 0 ? box.w0() : box.w1());
      double[] idx = indexFromLps.apply(p.x(), p.y(), p.z());
      for (int a = 0; a < 3; a++) {
        lo[a] = Math.min(lo[a], idx[a]);
        hi[a] = Math.max(hi[a], idx[a]);
      }
    }
    int i0 = Math.max(0, (int) Math.floor(lo[0]));
    int j0 = Math.max(0, (int) Math.floor(lo[1]));
    int k0 = Math.max(0, (int) Math.floor(lo[2]));
    int i1 = Math.min(grid.nx() - 1, (int) Math.ceil(hi[0]));
    int j1 = Math.min(grid.ny() - 1, (int) Math.ceil(hi[1]));
    int k1 = Math.min(grid.nz() - 1, (int) Math.ceil(hi[2]));
    visitRange(i0, i1, j0, j1, k0, k1, visitor);
  }

  private void visitRange(int i0, int i1, int j0, int j1, int k0, int k1, VoxelVisitor visitor) {
    for (int k = k0; k <= k1; k++) {
      for (int j = j0; j <= j1; j++) {
        double u = ref[0] * i0 + ref[1] * j + ref[2] * k + ref[3];
        double v = ref[4] * i0 + ref[5] * j + ref[6] * k + ref[7];
        double w = ref[8] * i0 + ref[9] * j + ref[10] * k + ref[11];
        int index = grid.index(i0, j, k);
        for (int i = i0; i <= i1; i++) {
          visitor.visit(index, u, v, w);
          index++;
          u += ref[0];
          v += ref[4];
          w += ref[8];
        }
      }
    }
  }
}
