package io.petal.image;

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
      blurAxis(data, nx, ny * nz, 1, kernel(sx), 0, nx, ny);
    }
    if (sy >= MIN_SIGMA) {
      blurAxis(data, ny, nx * nz, nx, kernel(sy), 1, nx, ny);
    }
    if (sz >= MIN_SIGMA) {
      blurAxis(data, nz, nx * ny, nx * ny, kernel(sz), 2, nx, ny);
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

  /** Convolves the {@code lines} lines of {@code len} voxels (spaced {@code stride}) along {@code axis}. */
  private static void blurAxis(float[] data, int len, int lines, int stride, double[] k, int axis,
      int nx, int ny) {
    int r = k.length / 2;
    double[] line = new double[len + 2 * r];
    for (int l = 0; l < lines; l++) {
      int start = lineStart(l, axis, nx, ny);
      for (int t = 0; t < len; t++) {
        line[t + r] = data[start + t * stride];
      }
      for (int t = 0; t < r; t++) {
        line[t] = line[r];
        line[len + r + t] = line[len + r - 1];
      }
      for (int t = 0; t < len; t++) {
        double s = 0;
        for (int q = 0; q < k.length; q++) {
          s += k[q] * line[t + q];
        }
        data[start + t * stride] = (float) s;
      }
    }
  }

  /** Flat index of the first voxel of line {@code l} along {@code axis}. */
  private static int lineStart(int l, int axis, int nx, int ny) {
    switch (axis) {
      case 0:
        return l * nx;
      case 1: {
        int i = l % nx;
        int k = l / nx;
        return i + nx * ny * k;
      }
      default:
        return l;
    }
  }
}
