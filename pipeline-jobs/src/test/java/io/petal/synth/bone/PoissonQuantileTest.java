package io.petal.synth.bone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counts drawn by inversion have the Poisson mean and variance, exactly and in the normal range. */
class PoissonQuantileTest {
  @Test
  void quantilesOfEvenlySpreadProbabilitiesHaveThePoissonMoments() {
    for (double lambda : new double[] {0.3, 4, 60, 800}) {
      int n = 200_000;
      double sum = 0;
      double sumSq = 0;
      for (int k = 0; k < n; k++) {
        int c = PoissonQuantile.of(lambda, (k + 0.5) / n);
        sum += c;
        sumSq += (double) c * c;
      }
      double mean = sum / n;
      double variance = sumSq / n - mean * mean;
      assertEquals(lambda, mean, 0.01 * lambda + 0.01, "mean at lambda " + lambda);
      assertEquals(lambda, variance, 0.03 * lambda + 0.01, "variance at lambda " + lambda);
    }
    assertEquals(0, PoissonQuantile.of(0, 0.7));
  }

  @Test
  void theNormalQuantileIsAccurate() {
    assertEquals(0, PoissonQuantile.inverseNormal(0.5), 1e-9);
    assertEquals(1.959963985, PoissonQuantile.inverseNormal(0.975), 1e-7);
    assertEquals(-2.326347874, PoissonQuantile.inverseNormal(0.01), 1e-7);
  }
}
