package io.petal.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

  @Test
  void aPointSpreadsWithTheRequestedSigmaAndKeepsItsSum() {
    int nx = 41;
    int ny = 31;
    int nz = 21;
    float[] v = new float[nx * ny * nz];
    int ci = 20;
    int cj = 15;
    int ck = 10;
    v[ci + nx * (cj + ny * ck)] = 1;
    GaussianBlur.blur(v, nx, ny, nz, 2.0, 1.5, 1.0);
    double sum = 0;
    double[] second = new double[3];
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          double w = v[i + nx * (j + ny * k)];
          sum += w;
          second[0] += w * (i - ci) * (i - ci);
          second[1] += w * (j - cj) * (j - cj);
          second[2] += w * (k - ck) * (k - ck);
        }
      }
    }
    assertEquals(1.0, sum, 1e-5);
    assertEquals(4.0, second[0], 0.05);
    assertEquals(2.25, second[1], 0.05);
    assertEquals(1.0, second[2], 0.05);
  }

  @Test
  void aConstantStaysConstantUpToTheBorders() {
    float[] v = new float[10 * 10 * 10];
    java.util.Arrays.fill(v, 3.5f);
    GaussianBlur.blur(v, 10, 10, 10, 1.3, 1.3, 1.3);
    for (float x : v) {
      assertEquals(3.5, x, 1e-5);
    }
  }

  @Test
  void whiteNoiseShrinksByThePredictedFactor() {
    int n = 64;
    float[] v = new float[n * n * n];
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    double sigma = 0.8;
    GaussianBlur.blur(v, n, n, n, sigma, sigma, sigma);
    double ss = 0;
    int count = 0;
    for (int k = 4; k < n - 4; k++) { // away from the borders, where edge values repeat
      for (int j = 4; j < n - 4; j++) {
        for (int i = 4; i < n - 4; i++) {
          float x = v[i + n * (j + n * k)];
          ss += x * x;
          count++;
        }
      }
    }
    double predicted = Math.pow(GaussianBlur.noiseStdAfter(sigma), 3);
    assertEquals(predicted, Math.sqrt(ss / count), 0.03 * predicted);
  }

  @Test
  void equalsTheTextbookConvolutionBitForBit() {
    SplittableRandom rng = new SplittableRandom(7);
    int[][] shapes = {{128, 128, 1}, {300, 7, 5}, {9, 13, 40}, {1, 1, 3}};
    double[][] sigmas = {{0.85, 0.85, 0}, {2.0, 0.3, 1.1}, {0, 1.7, 0.6}, {0.5, 0.5, 0.5}};
    for (int[] n : shapes) {
      for (double[] s : sigmas) {
        float[] v = new float[n[0] * n[1] * n[2]];
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (rng.nextDouble() < 0.3 ? 0 : 10 * rng.nextGaussian());
        }
        float[] expected = textbookBlur(v, n[0], n[1], n[2], s);
        GaussianBlur.blur(v, n[0], n[1], n[2], s[0], s[1], s[2]);
        assertArrayEquals(expected, v, java.util.Arrays.toString(n) + " sigma " + java.util.Arrays.toString(s));
      }
    }
  }

  /** One voxel at a time: s = sum over taps of k[q] * value (edges repeated), in tap order, in double. */
  private static float[] textbookBlur(float[] in, int nx, int ny, int nz, double[] sigma) {
    float[] v = in.clone();
    int[] dims = {nx, ny, nz};
    int[] strides = {1, nx, nx * ny};
    for (int axis = 0; axis < 3; axis++) {
      if (sigma[axis] < 0.05) {
        continue;
      }
      double[] k = GaussianBlur.kernel(sigma[axis]);
      int r = k.length / 2;
      float[] out = v.clone();
      for (int z = 0; z < nz; z++) {
        for (int y = 0; y < ny; y++) {
          for (int x = 0; x < nx; x++) {
            int[] at = {x, y, z};
            int base = x + nx * (y + ny * z) - at[axis] * strides[axis];
            double s = 0;
            for (int q = 0; q < k.length; q++) {
              int t = Math.min(dims[axis] - 1, Math.max(0, at[axis] + q - r));
              s += k[q] * v[base + t * strides[axis]];
            }
            out[x + nx * (y + ny * z)] = (float) s;
          }
        }
      }
      v = out;
    }
    return v;
  }
}
