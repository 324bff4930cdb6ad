package io.petal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeStrataTest {

  @Test
  void equivalentRadiusOfASphere() {
    double tenMmSphereMl = 4.0 / 3 * Math.PI * 1000 / 1000; // 4/3·π·10³ mm³
    assertEquals(10.0, SizeStrata.equivalentSphereRadiusMm(tenMmSphereMl), 1e-12);
    assertEquals(Math.cbrt(3 / (4 * Math.PI)), SizeStrata.equivalentSphereRadiusMm(0.001), 1e-12);
  }

  /** The synthetic benchmark's levels; upper ends inclusive like SizeLevel. */
  @ParameterizedTest(name = "r = {0} mm -> {1}")
  @CsvSource({"1, TINY", "5, TINY", "5.0001, SMALL", "10, SMALL", "12, MEDIUM", "25, LARGE",
      "25.5, VERY_LARGE", "80, VERY_LARGE"})
  void sizeLevelsCutAtTheirUpperRadii(double radiusMm, String level) {
    assertEquals(level, SizeStrata.sizeLevels().stratumOf(radiusMm));
  }

  @Test
  void radiusStrataAreNamedByTheirRange() {
    SizeStrata s = SizeStrata.byRadius(5, 7.5);
    assertEquals(List.of("r<=5mm", "5<r<=7.5mm", "r>7.5mm"), s.names());
    assertEquals("5<r<=7.5mm", s.stratumOf(6));
    assertEquals(List.of("all"), SizeStrata.byRadius().names());
  }

  @Test
  void badCutsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SizeStrata.byRadius(10, 5));
    assertThrows(IllegalArgumentException.class, () -> SizeStrata.byRadius(0));
    assertThrows(IllegalArgumentException.class, () -> new SizeStrata(new double[] {5}, List.of("small")));
  }
}
