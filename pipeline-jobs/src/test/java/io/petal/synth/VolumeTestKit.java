package io.petal.synth;

import io.petal.image.ImageGrid;
import java.util.ArrayDeque;

/** Small voxel utilities for the synthesis tests (connected components, shells, means). */
final class VolumeTestKit {
  private VolumeTestKit() {}

  /** 26-connected components of the voxels above 0.5: 0 outside, 1.. inside. */
  static int[] components26(float[] mask, ImageGrid g) {
    int[] label = new int[mask.length];
    int next = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int seed = 0; seed < mask.length; seed++) {
      if (mask[seed] <= 0.5f || label[seed] != 0) {
        continue;
      }
      label[seed] = ++next;
      queue.add(seed);
      while (!queue.isEmpty()) {
        int n = queue.poll();
        int i = n % g.nx();
        int j = (n / g.nx()) % g.ny();
        int k = n / g.sliceSize();
        for (int dk = -1; dk <= 1; dk++) {
          for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
              int a = i + di;
              int b = j + dj;
              int c = k + dk;
              if (a < 0 || b < 0 || c < 0 || a >= g.nx() || b >= g.ny() || c >= g.nz()) {
                continue;
              }
              int m = g.index(a, b, c);
              if (mask[m] > 0.5f && label[m] == 0) {
                label[m] = next;
                queue.add(m);
              }
            }
          }
        }
      }
    }
    return label;
  }

  /** Flat index of the voxel whose centre is nearest {@code p} (LPS mm). */
  static int nearestVoxel(ImageGrid g, Vec3 p) {
    double[] idx = g.affine().inverse().apply(p.x(), p.y(), p.z());
    return g.index((int) Math.round(idx[0]), (int) Math.round(idx[1]), (int) Math.round(idx[2]));
  }

  /** The voxels within {@code width} voxels (chessboard distance) of the mask, outside it. */
  static boolean[] shell(boolean[] mask, ImageGrid g, int width) {
    boolean[] grown = mask.clone();
    for (int step = 0; step < width; step++) {
      boolean[] next = grown.clone();
      for (int n = 0; n < grown.length; n++) {
        if (!grown[n]) {
          continue;
        }
        int i = n % g.nx();
        int j = (n / g.nx()) % g.ny();
        int k = n / g.sliceSize();
        for (int dk = -1; dk <= 1; dk++) {
          for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
              int a = i + di;
              int b = j + dj;
              int c = k + dk;
              if (a >= 0 && b >= 0 && c >= 0 && a < g.nx() && b < g.ny() && c < g.nz()) {
                next[g.index(a, b, c)] = true;
              }
            }
          }
        }
      }
      grown = next;
    }
    for (int n = 0; n < grown.length; n++) {
      grown[n] &= !mask[n];
    }
    return grown;
  }

  /** Mean of the values where the mask is set. */
  static double mean(float[] values, boolean[] mask) {
    double s = 0;
    int c = 0;
    for (int n = 0; n < values.length; n++) {
      if (mask[n]) {
        s += values[n];
        c++;
      }
    }
    return s / c;
  }
}
