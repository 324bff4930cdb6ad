package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmoothRandomFieldTest {

  @Test
  void valuesAreAboutStandardNormalSmoothAndReproducible() {
    SmoothRandomField f = new SmoothRandomField(new SplittableRandom(5), 0, 0, 0, 200, 200, 200, 10);
    SplittableRandom where = new SplittableRandom(9);
    double sum = 0;
    double ss = 0;
    int n = 20000;
    double maxStep = 0;
    for (int s = 0; s < n; s++) {
      double x = where.nextDouble() * 200;
      double y = where.nextDouble() * 200;
      double z = where.nextDouble() * 200;
      double v = f.at(x, y, z);
      sum += v;
      ss += v * v;
      maxStep = Math.max(maxStep, Math.abs(f.at(x + 0.1, y, z) - v));
    }
    double mean = sum / n;
    double sd = Math.sqrt(ss / n - mean * mean);
    assertEquals(0, mean, 0.1);
    assertEquals(1, sd, 0.15);
    assertTrue(maxStep < 0.2, "a 0.01-cell step changed the field by " + maxStep);
    SmoothRandomField g = new SmoothRandomField(new SplittableRandom(5), 0, 0, 0, 200, 200, 200, 10);
    assertEquals(f.at(37.5, 12.25, 150.0), g.at(37.5, 12.25, 150.0));
  }
}
