package io.petal.image;

import java.util.Arrays;

/**
 * Separable 3D Gaussian smoothing of a float array laid out x-fastest ({@code i + nx·(j + ny·k)}),
 * in place, with edge values repeated beyond the borders. Sigmas are in voxels, one per axis; an
 * axis with sigma below 0.05 voxel is left alone. Kernels reach 3 sigma.
 */
public final class GaussianBlur {
  private GaussianBlur() {}

  private static final double MIN_SIGMA = 0.05;

  /** Full width at half maximum of a Gaussian per unit sigma (2·√(2 ln 2)). */
  public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

  public static void blur(float[] data, int nx, int ny, int nz, double sx, double sy, double sz) {
    if (data.length != nx * ny * nz) {
      throw new IllegalArgumentException("array of " + data.length + " values is not "
          + nx + "x" + ny + "x" + nz);
    }
    if (sx >= MIN_SIGMA) {
      blurLines(data, nx, ny * nz, kernel(sx));
    }
    if (sy >= MIN_SIGMA) {
      double[] k = kernel(sy);
      for (int z = 0; z < nz; z++) {
        blurAcrossLines(data, z * nx * ny, nx, ny, nx, k);
      }
    }
    if (sz >= MIN_SIGMA) {
      blurAcrossLines(data, 0, nx * ny, nz, nx * ny, kernel(sz));
    }
  }

  /** The normalised kernel (taps −r..r, r = ⌈3σ⌉). */
  public static double[] kernel(double sigma) {
    int r = Math.max(1, (int) Math.ceil(3 * sigma));
    double[] k = new double[2 * r + 1];
    double sum = 0;
    for (int t = -r; t <= r; t++) {
      k[t + r] = Math.exp(-0.5 * t * t / (sigma * sigma));
      sum += k[t + r];
    }
    for (int t = 0; t < k.length; t++) {
      k[t] /= sum;
    }
    return k;
  }

  /**
   * The standard deviation of white unit-variance noise after this blur, per axis product
   * (√Σk²); 1 for an axis left alone.
   */
  public static double noiseStdAfter(double sigma) {
    if (sigma < MIN_SIGMA) {
      return 1;
    }
    double s = 0;
    for (double k : kernel(sigma)) {
      s += k * k;
    }
    return Math.sqrt(s);
  }

  /*
   * Both kernels below compute every output voxel as in the textbook loop
   *   s = 0; for (q = 0; q < taps; q++) s += k[q] * line[t + q]; out = (float) s;
   * over the line padded with its edge values (same operations in the same order, so the same
   * bits), with loops arranged so that the innermost one runs over neighbouring memory with
   * independent iterations instead of a chain of dependent additions (about 1.5x faster).
   */

  /** Axis x: {@code lines} consecutive lines of {@code len} contiguous voxels. */
  private static void blurLines(float[] data, int len, int lines, double[] k) {
    int r = k.length / 2;
    double[] line = new double[len + 2 * r];
    double[] sum = new double[len];
    for (int l = 0; l < lines; l++) {
      int start = l * len;
      for (int t = 0; t < len; t++) {
        line[t + r] = data[start + t];
      }
      Arrays.fill(line, 0, r, line[r]);
      Arrays.fill(line, len + r, len + 2 * r, line[len + r - 1]);
      Arrays.fill(sum, 0);
      for (int q = 0; q < k.length; q++) {
        double kq = k[q];
        for (int t = 0; t < len; t++) {
          sum[t] += kq * line[t + q];
        }
      }
      for (int t = 0; t < len; t++) {
        data[start + t] = (float) sum[t];
      }
    }
  }

  /** Lines not contiguous in memory handled together, at most this many at a time. */
  private static final int LINES_PER_BLOCK = 256;

  /**
   * Axes y and z: the {@code width} lines starting at {@code first .. first + width − 1}, each of
   * {@code len} voxels spaced {@code stride}; at every step along the axis their voxels are
   * neighbours in memory, so they are convolved side by side.
   */
  private static void blurAcrossLines(float[] data, int first, int width, int len, int stride, double[] k) {
    int r = k.length / 2;
    int block = Math.min(width, LINES_PER_BLOCK);
    double[] lines = new double[(len + 2 * r) * block]; // [step along the axis][line]
    double[] sum = new double[block];
    for (int b = first; b < first + width; b += block) {
      int w = Math.min(block, first + width - b);
      for (int t = 0; t < len + 2 * r; t++) {
        int src = b + Math.min(len - 1, Math.max(0, t - r)) * stride;
        for (int c = 0; c < w; c++) {
          lines[t * block + c] = data[src + c];
        }
      }
      for (int t = 0; t < len; t++) {
        Arrays.fill(sum, 0);
        for (int q = 0; q < k.length; q++) {
          double kq = k[q];
          int row = (t + q) * block;
          for (int c = 0; c < w; c++) {
            sum[c] += kq * lines[row + c];
          }
        }
        int dst = b + t * stride;
        for (int c = 0; c < w; c++) {
          data[dst + c] = (float) sum[c];
        }
      }
    }
  }
}
