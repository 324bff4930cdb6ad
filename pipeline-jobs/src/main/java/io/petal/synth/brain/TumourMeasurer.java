package io.petal.synth.brain;

import io.petal.image.ImageGrid;
import io.petal.schema.BratsLabels;
import io.petal.synth.Vec3;
import java.util.Arrays;

/** Measures a painted glioma on its BraTS label map: extents, centroid and voxel counts. */
final class TumourMeasurer {
  private TumourMeasurer() {}

  /** The finding of {@code glioma}, whose labels are {@code seg} on {@code grid}. */
  static BrainTumourFinding measure(Glioma glioma, float[] seg, ImageGrid grid) {
    Extent core = new Extent();
    Extent whole = new Extent();
    int[] count = new int[BratsLabels.ENHANCING + 1];
    double sx = 0;
    double sy = 0;
    double sz = 0;
    int n = 0;
    for (int k = 0; k < grid.nz(); k++) {
      for (int j = 0; j < grid.ny(); j++) {
        for (int i = 0; i < grid.nx(); i++, n++) {
          int label = (int) seg[n];
          if (!BratsLabels.wholeTumour(label)) {
            continue;
          }
          count[label]++;
          whole.add(i, j, k);
          if (BratsLabels.tumourCore(label)) {
            core.add(i, j, k);
          }
          double[] p = grid.affine().apply(i, j, k);
          sx += p[0];
          sy += p[1];
          sz += p[2];
        }
      }
    }
    int total = count[BratsLabels.NECROTIC_CORE] + count[BratsLabels.EDEMA] + count[BratsLabels.ENHANCING];
    Vec3 centroid = total == 0 ? new Vec3(Double.NaN, Double.NaN, Double.NaN)
        : new Vec3(sx / total, sy / total, sz / total);
    double[] coreMm = core.sortedMm(grid);
    double[] wholeMm = whole.sortedMm(grid);
    return new BrainTumourFinding(glioma.centre().x() > 0, BrainLobe.of(glioma.centre()), glioma.highGrade(),
        coreMm[0], coreMm[1], Math.max(0, (wholeMm[0] - coreMm[0]) / 2), centroid, count[BratsLabels.NECROTIC_CORE],
        count[BratsLabels.EDEMA], count[BratsLabels.ENHANCING]);
  }

  /** Index bounding box of some voxels. */
  private static final class Extent {
    private final int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    private final int[] hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};

    void add(int i, int j, int k) {
      int[] v = {i, j, k};
      for (int a = 0; a < 3; a++) {
        lo[a] = Math.min(lo[a], v[a]);
        hi[a] = Math.max(hi[a], v[a]);
      }
    }

    /** Extents along the grid axes (mm, voxel count times spacing), largest first; zeros when empty. */
    double[] sortedMm(ImageGrid grid) {
      double[] mm = new double[3];
      for (int a = 0; a < 3; a++) {
        mm[a] = hi[a] < lo[a] ? 0 : (hi[a] - lo[a] + 1) * grid.spacing(a);
      }
      Arrays.sort(mm);
      return new double[] {mm[2], mm[1], mm[0]};
    }
  }
}
