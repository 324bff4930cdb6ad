package io.petal.synth;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.ArrayDeque;
import java.util.function.IntPredicate;

/**
 * The exact label of one lesion over its shape's voxel box: the voxels where the soft mask t''
 * is at least 0.5 and the lesion may grow, reduced to the 6-connected part that holds the
 * centre voxel and — the tiny-lesion rule — completed with the free voxels nearest the centre
 * until it has the minimum number of voxels.
 */
final class LesionLabel {
  private LesionLabel() {}

  /**
   * @param shape the lesion's soft mask
   * @param grid the study grid
   * @param centreVoxel flat index of the voxel holding the lesion's centre
   * @param free true for the flat indices a lesion may cover (site tissue, no vessel, no other
   *     lesion)
   * @param minVoxels the fewest voxels of a label
   * @return the label, x-fastest over {@code shape.box()}
   */
  static boolean[] compute(LesionShape shape, ImageGrid grid, int centreVoxel, IntPredicate free,
      int minVoxels) {
    VoxelBox b = shape.box();
    float[] alpha = shape.alpha();
    boolean[] allowed = new boolean[b.size()];
    boolean[] candidate = new boolean[b.size()];
    for (int k = b.k0(); k <= b.k1(); k++) {
      for (int j = b.j0(); j <= b.j1(); j++) {
        for (int i = b.i0(); i <= b.i1(); i++) {
          int l = b.local(i, j, k);
          allowed[l] = free.test(grid.index(i, j, k));
          candidate[l] = allowed[l] && alpha[l] >= 0.5f;
        }
      }
    }
    int ci = centreVoxel % grid.nx();
    int cj = (centreVoxel / grid.nx()) % grid.ny();
    int ck = centreVoxel / grid.sliceSize();
    boolean[] kept = componentOf(candidate, b, b.local(ci, cj, ck));
    completeToMinimum(kept, allowed, b, grid.affine(), ci, cj, ck, minVoxels);
    return kept;
  }

  /** The 6-connected part of {@code mask} holding {@code seed} (empty if seed is off). */
  private static boolean[] componentOf(boolean[] mask, VoxelBox b, int seed) {
    boolean[] out = new boolean[mask.length];
    if (!mask[seed]) {
      return out;
    }
    int sy = b.nx();
    int sz = b.nx() * b.ny();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    out[seed] = true;
    queue.add(seed);
    while (!queue.isEmpty()) {
      int l = queue.poll();
      int x = l % b.nx();
      int y = (l / b.nx()) % b.ny();
      int z = l / sz;
      int[] neighbours = {
        x > 0 ? l - 1 : -1, x < b.nx() - 1 ? l + 1 : -1,
        y > 0 ? l - sy : -1, y < b.ny() - 1 ? l + sy : -1,
        z > 0 ? l - sz : -1, z < b.nz() - 1 ? l + sz : -1};
      for (int m : neighbours) {
        if (m >= 0 && mask[m] && !out[m]) {
          out[m] = true;
          queue.add(m);
        }
      }
    }
    return out;
  }

  /** Adds the allowed voxels nearest the centre voxel until {@code kept} has the minimum. */
  private static void completeToMinimum(boolean[] kept, boolean[] allowed, VoxelBox b,
      Affine toLps, int ci, int cj, int ck, int minVoxels) {
    int have = 0;
    for (boolean v : kept) {
      have += v ? 1 : 0;
    }
    double[] c = toLps.apply(ci, cj, ck);
    while (have < minVoxels) {
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int l = 0; l < kept.length; l++) {
        if (kept[l] || !allowed[l]) {
          continue;
        }
        double[] p = toLps.apply(b.i0() + l % b.nx(), b.j0() + (l / b.nx()) % b.ny(),
            b.k0() + l / (b.nx() * b.ny()));
        double d = Math.hypot(Math.hypot(p[0] - c[0], p[1] - c[1]), p[2] - c[2]);
        if (d < bestD) {
          bestD = d;
          best = l;
        }
      }
      if (best < 0) {
        return; // no room left: the site region is smaller than the minimum
      }
      kept[best] = true;
      have++;
    }
  }
}
