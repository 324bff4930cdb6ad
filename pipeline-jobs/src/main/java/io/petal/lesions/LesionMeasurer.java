package io.petal.lesions;

import io.petal.image.ConnectedComponents;
import io.petal.image.Connectivity;
import io.petal.image.ImageGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a study's lesion mask into lesions (3D connected components, 18-connectivity) and
 * measures each on the study's PET (SUV) and CT (HU) volumes.
 *
 * <p>All arrays are flat on the study's grid, x fastest ({@link ImageGrid#index}): the mask is
 * uint8 (non-zero = lesion, whatever the class value), SUV and CT are float.
 */
public final class LesionMeasurer {
  private final ImageGrid grid;
  private final SuvPeak peak;

  public LesionMeasurer(ImageGrid grid) {
    this.grid = grid;
    this.peak = new SuvPeak(grid);
  }

  /**
   * The lesions of {@code mask}, numbered as {@link ConnectedComponents} numbers them.
   *
   * @param suv PET in SUV
   * @param ctHu CT in HU on the same grid, or null when the study has none
   * @throws IllegalArgumentException when an array does not fit the grid
   */
  public List<LesionStatistics> measure(byte[] mask, float[] suv, float[] ctHu) {
    requireLength("mask", mask.length);
    requireLength("SUV", suv.length);
    if (ctHu != null) {
      requireLength("CT", ctHu.length);
    }
    ConnectedComponents cc = ConnectedComponents.of(mask, grid.nx(), grid.ny(), grid.nz(), Connectivity.EDGE);
    Sums s = new Sums(cc.count());
    int[] labels = cc.labels();
    int v = 0;
    for (int k = 0; k < grid.nz(); k++) {
      for (int j = 0; j < grid.ny(); j++) {
        for (int i = 0; i < grid.nx(); i++, v++) {
          int c = labels[v] - 1;
          if (c >= 0) {
            s.add(c, i, j, k, suv[v], ctHu == null ? 0 : ctHu[v], peak.sphereMean(suv, i, j, k));
          }
        }
      }
    }
    List<LesionStatistics> out = new ArrayList<>(cc.count());
    for (int c = 0; c < cc.count(); c++) {
      out.add(s.statistics(c, ctHu != null));
    }
    return out;
  }

  private void requireLength(String what, int length) {
    if (length != grid.voxelCount()) {
      throw new IllegalArgumentException(what + " has " + length + " voxels, the grid " + grid.nx() + "x"
          + grid.ny() + "x" + grid.nz() + " has " + grid.voxelCount());
    }
  }

  /** Running sums per component (index = label - 1). */
  private final class Sums {
    final int[] count;
    final double[] suvSum;
    final double[] suvMax;
    final double[] ctSum;
    final double[] peakMax;
    final double[][] indexSum;
    final int[][] min;
    final int[][] max;

    Sums(int n) {
      count = new int[n];
      suvSum = new double[n];
      suvMax = filled(n, Double.NEGATIVE_INFINITY);
      ctSum = new double[n];
      peakMax = filled(n, Double.NEGATIVE_INFINITY);
      indexSum = new double[n][3];
      min = new int[n][];
      max = new int[n][];
    }

    void add(int c, int i, int j, int k, float suv, float ct, double sphereMean) {
      count[c]++;
      suvSum[c] += suv;
      suvMax[c] = Math.max(suvMax[c], suv);
      ctSum[c] += ct;
      peakMax[c] = Math.max(peakMax[c], sphereMean);
      indexSum[c][0] += i;
      indexSum[c][1] += j;
      indexSum[c][2] += k;
      if (min[c] == null) {
        min[c] = new int[] {i, j, k};
        max[c] = new int[] {i, j, k};
      } else {
        min[c][0] = Math.min(min[c][0], i);
        min[c][1] = Math.min(min[c][1], j);
        min[c][2] = Math.min(min[c][2], k);
        max[c][0] = Math.max(max[c][0], i);
        max[c][1] = Math.max(max[c][1], j);
        max[c][2] = Math.max(max[c][2], k);
      }
    }

    LesionStatistics statistics(int c, boolean hasCt) {
      int n = count[c];
      double[] centroid = grid.affine().apply(indexSum[c][0] / n, indexSum[c][1] / n, indexSum[c][2] / n);
      IndexBox box = new IndexBox(min[c][0], max[c][0], min[c][1], max[c][1], min[c][2], max[c][2]);
      double[] extent = new double[3];
      for (int a = 0; a < 3; a++) {
        extent[a] = box.size(a) * grid.spacing(a);
      }
      return new LesionStatistics(c + 1, n, n * grid.voxelVolumeMl(), suvMax[c], suvSum[c] / n, peakMax[c],
          hasCt ? ctSum[c] / n : null, centroid, box, extent);
    }
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }
}
