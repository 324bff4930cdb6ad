package io.petal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntensityWindowTest {

  @Test
  void ctWindowsFollowWidthAndLevel() {
    assertEquals(-160, IntensityWindow.CT_SOFT_TISSUE.low(), 0);
    assertEquals(240, IntensityWindow.CT_SOFT_TISSUE.high(), 0);
    assertEquals(-1350, IntensityWindow.CT_LUNG.low(), 0);
    assertEquals("-160 to 240 HU", IntensityWindow.CT_SOFT_TISSUE.describe());
    assertEquals("SUV 0 to 10", IntensityWindow.PET_SUV.describe());
  }

  @Test
  void fractionIsClampedAndNanShowsAsLow() {
    IntensityWindow suv = IntensityWindow.PET_SUV;
    assertEquals(0.25, suv.fraction(2.5), 1e-12);
    assertEquals(0, suv.fraction(-3), 0);
    assertEquals(1, suv.fraction(40), 0);
    assertEquals(0, suv.fraction(Double.NaN), 0);
  }

  @Test
  void anomalyWindowTopsAtTheLargestFiniteValue() {
    IntensityWindow w = IntensityWindow.forAnomaly(new float[] {0.2f, 3.5f, -9, Float.NaN, Float.POSITIVE_INFINITY, 1});
    assertEquals(0, w.low(), 0);
    assertEquals(3.5, w.high(), 1e-6);
    assertEquals("0 to 3.50", w.describe());
  }

  @Test
  void anomalyWindowOfAMapWithoutPositiveValuesIsZeroToOne() {
    IntensityWindow w = IntensityWindow.forAnomaly(new float[] {0, -1, Float.NaN, Float.NEGATIVE_INFINITY});
    assertEquals(0, w.low(), 0);
    assertEquals(1, w.high(), 0);
  }

  @Test
  void emptyWindowIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new IntensityWindow(5, 5, "SUV"));
  }
}
