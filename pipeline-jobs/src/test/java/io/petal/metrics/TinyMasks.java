package io.petal.metrics;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;

/**
 * Tiny hand-drawn masks for metric tables. A voxel list is written "i,j,k i,j,k ..."; a
 * coordinate may be a range "a-b" (inclusive), so "1-3,1-3,1-3" is a 3x3x3 cube. Null or blank
 * is the empty mask. Expected values may be written as fractions "n/d" or "NaN".
 */
final class TinyMasks {
  private TinyMasks() {}

  static ImageGrid grid(int n, double sx, double sy, double sz) {
    return new ImageGrid(n, n, n, Affine.axisAligned(sx, sy, sz, -30, 12, 400));
  }

  static MaskPair pair(ImageGrid grid, String truth, String predicted) {
    return new MaskPair("case-" + truth + "-vs-" + predicted, grid, mask(grid, truth), mask(grid, predicted));
  }

  static boolean[] mask(ImageGrid grid, String voxels) {
    boolean[] mask = new boolean[grid.voxelCount()];
    if (voxels == null || voxels.isBlank()) {
      return mask;
    }
    for (String voxel : voxels.trim().split("\\s+")) {
      String[] c = voxel.split(",");
      int[][] r = {range(c[0]), range(c[1]), range(c[2])};
      for (int k = r[2][0]; k <= r[2][1]; k++) {
        for (int j = r[1][0]; j <= r[1][1]; j++) {
          for (int i = r[0][0]; i <= r[0][1]; i++) {
            mask[grid.index(i, j, k)] = true;
          }
        }
      }
    }
    return mask;
  }

  static double value(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    return slash < 0 ? Double.parseDouble(t)
        : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
  }

  private static int[] range(String s) {
    int dash = s.indexOf('-');
    return dash < 0 ? new int[] {Integer.parseInt(s), Integer.parseInt(s)}
        : new int[] {Integer.parseInt(s.substring(0, dash)), Integer.parseInt(s.substring(dash + 1))};
  }
}
