package io.petal.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamOptimizerTest {
  @Test
  void twoStepsMatchTheAdamFormula() {
    ParameterStore.Builder b = ParameterStore.builder();
    b.add("w", new long[] {3}, Parameter.Init.ZERO, 1);
    ParameterStore s = b.build(0);
    s.setFrom(new float[] {1f, -2f, 0.5f});
    AdamOptimizer adam = new AdamOptimizer(s, 0.1);
    double[] theta = {1, -2, 0.5};
    double[] m = new double[3];
    double[] v = new double[3];
    double[][] grads = {{0.5, -1, 0}, {0.2, 0.3, -4}};
    for (int t = 1; t <= 2; t++) {
      double[] g = grads[t - 1];
      float[] gf = new float[3];
      for (int i = 0; i < 3; i++) {
        gf[i] = (float) g[i];
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        double step = 0.1 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
        theta[i] -= step * m[i] / (Math.sqrt(v[i]) + 1e-8);
      }
      s.gradients().data().asNioFloat().put(0, gf);
      adam.step();
    }
    float[] got = s.toArray();
    for (int i = 0; i < 3; i++) {
      assertEquals(theta[i], got[i], 1e-5, "parameter " + i);
    }
    assertEquals(2, adam.iteration());
  }

  @Test
  void stateRoundTrips() {
    ParameterStore.Builder b = ParameterStore.builder();
    b.add("w", new long[] {2}, Parameter.Init.ZERO, 1);
    ParameterStore s = b.build(0);
    AdamOptimizer adam = new AdamOptimizer(s, 0.01);
    s.gradients().assign(1f);
    adam.step();
    float[] state = adam.state();
    AdamOptimizer other = new AdamOptimizer(s, 0.01);
    other.setState(state, adam.iteration());
    assertArrayEquals(state, other.state());
    assertEquals(1, other.iteration());
  }
}
