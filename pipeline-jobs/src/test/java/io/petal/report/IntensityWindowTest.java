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
  void anomalyWindowTopsAtTheHighQuantileOfPositiveValuesIgnoringOneHotPixel() {
    float[] map = new float[1000];
    for (int i = 0; i < 999; i++) {
      map[i] = i < 500 ? 0 : (i - 499) / 100f; // 0.01 .. 4.99 over 499 positive values
    }
    map[999] = 1000; // one outlier
    IntensityWindow w = IntensityWindow.forAnomaly(map);
    assertEquals(0, w.low(), 0);
    // 500 positive values; the 99.5 % quantile is the value at index floor(0.995 * 499) = 496: 4.97
    assertEquals(4.97, w.high(), 1e-6);
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
