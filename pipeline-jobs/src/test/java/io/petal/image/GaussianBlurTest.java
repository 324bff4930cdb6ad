package io.petal.image;

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
}
