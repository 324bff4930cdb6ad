package io.petal.synth;

import io.petal.image.ImageGrid;

/**
 * Extracts coronal pictures from a volume on an axis-aligned grid: the index axes that run
 * left–right, anterior–posterior and inferior–superior are found from the affine, and pictures
 * are returned as {@code [column][row]} arrays with the patient's right in column 0 and the head
 * in row 0.
 */
final class CoronalView {
  private final ImageGrid grid;
  private final int[] axisOf = new int[3]; // patient axis (0 x, 1 y, 2 z) -> index axis
  private final boolean[] ascending = new boolean[3]; // index grows with the patient axis

  private CoronalView(ImageGrid grid) {
    this.grid = grid;
  }

  static CoronalView of(ImageGrid grid, String what) {
    CoronalView v = new CoronalView(grid);
    boolean[] used = new boolean[3];
    for (int a = 0; a < 3; a++) {
      int best = 0;
      double norm = grid.spacing(a);
      for (int p = 1; p < 3; p++) {
        if (Math.abs(grid.affine().get(p, a)) > Math.abs(grid.affine().get(best, a))) {
          best = p;
        }
      }
      if (used[best] || Math.abs(grid.affine().get(best, a)) < 0.99 * norm) {
        throw new IllegalArgumentException("preview '" + what + "' needs an axis-aligned grid, got "
            + grid.affine());
      }
      used[best] = true;
      v.axisOf[best] = a;
      v.ascending[best] = grid.affine().get(best, a) > 0;
    }
    return v;
  }

  private int size(int patientAxis) {
    int a = axisOf[patientAxis];
    return a == 0 ? grid.nx() : a == 1 ? grid.ny() : grid.nz();
  }

  /** Width of the picture (left–right extent, mm). */
  double widthMm() {
    return size(0) * grid.spacing(axisOf[0]);
  }

  /** Height of the picture (head–feet extent, mm). */
  double heightMm() {
    return size(2) * grid.spacing(axisOf[2]);
  }

  /** Flat-index step of one voxel along a patient axis's index axis. */
  private int stride(int patientAxis) {
    int a = axisOf[patientAxis];
    return a == 0 ? 1 : a == 1 ? grid.nx() : grid.nx() * grid.ny();
  }

  /** Flat index of the voxel at picture (column, row) and depth {@code d} along anterior–posterior. */
  private int index(int column, int row, int d) {
    int ic = ascending[0] ? column : size(0) - 1 - column;
    int ir = ascending[2] ? size(2) - 1 - row : row;
    return ic * stride(0) + ir * stride(2) + d * stride(1);
  }

  /** The maximum along anterior–posterior. */
  float[][] projectMax(float[] data) {
    float[][] out = new float[size(0)][size(2)];
    for (int c = 0; c < size(0); c++) {
      for (int r = 0; r < size(2); r++) {
        float m = Float.NEGATIVE_INFINITY;
        for (int d = 0; d < size(1); d++) {
          m = Math.max(m, data[index(c, r, d)]);
        }
        out[c][r] = m;
      }
    }
    return out;
  }

  /** True where any voxel along anterior–posterior exceeds {@code threshold}. */
  boolean[][] projectAny(float[] data, float threshold) {
    boolean[][] out = new boolean[size(0)][size(2)];
    for (int c = 0; c < size(0); c++) {
      for (int r = 0; r < size(2); r++) {
        for (int d = 0; d < size(1) && !out[c][r]; d++) {
          out[c][r] = data[index(c, r, d)] > threshold;
        }
      }
    }
    return out;
  }

  /** The coronal slice at depth {@code d}. */
  float[][] slice(float[] data, int d) {
    float[][] out = new float[size(0)][size(2)];
    for (int c = 0; c < size(0); c++) {
      for (int r = 0; r < size(2); r++) {
        out[c][r] = data[index(c, r, d)];
      }
    }
    return out;
  }

  /** The coronal slice at depth {@code d}, thresholded. */
  boolean[][] sliceMask(float[] data, int d, float threshold) {
    boolean[][] out = new boolean[size(0)][size(2)];
    for (int c = 0; c < size(0); c++) {
      for (int r = 0; r < size(2); r++) {
        out[c][r] = data[index(c, r, d)] > threshold;
      }
    }
    return out;
  }

  /** The mean anterior–posterior depth of the voxels above {@code threshold} (the body's centre). */
  int bodyCentre(float[] data, double threshold) {
    double sum = 0;
    long count = 0;
    for (int c = 0; c < size(0); c++) {
      for (int r = 0; r < size(2); r++) {
        for (int d = 0; d < size(1); d++) {
          if (data[index(c, r, d)] > threshold) {
            sum += d;
            count++;
          }
        }
      }
    }
    return count == 0 ? size(1) / 2 : (int) Math.round(sum / count);
  }
}
