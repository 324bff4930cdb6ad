package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputNormalisationTest {
  private final InputNormalisation n = InputNormalisation.DEFAULT;

  @Test
  void petIsSuvOverTenClippedAtTwenty() {
    assertEquals(0f, n.pet(-1f));
    assertEquals(0.25f, n.pet(2.5f), 1e-7);
    assertEquals(2f, n.pet(35f));
    assertEquals(0f, n.pet(Float.NaN), "missing PET reads as no uptake");
    assertEquals(2.5f, n.petToSuv(n.pet(2.5f)), 1e-6);
  }

  @Test
  void ctWindowMapsMinus1000To1000HuOntoZeroOne() {
    assertEquals(0f, n.ct(-1200f));
    assertEquals(0.5f, n.ct(0f));
    assertEquals(1f, n.ct(3000f));
    assertEquals(0f, n.ct(Float.NaN), "missing CT reads as air");
    assertEquals(40f, n.ctToHu(n.ct(40f)), 1e-3);
  }

  @Test
  void bodyIsAboveMinus500Hu() {
    assertTrue(n.isBody(-100f));
    assertFalse(n.isBody(-800f));
    assertArrayEquals(new float[] {0f, 1f, 1f}, n.bodyMask(new float[] {-1000f, 40f, 900f}, 3, 1));
  }

  @Test
  void rejectsAnEmptyWindow() {
    assertThrows(IllegalArgumentException.class, () -> new InputNormalisation(10, 20, 100, 100, -500));
  }

  @Test
  void bodyFractionCountsVoxelsAboveTheBodyThresholdInTheRange() {
    float[] ct = {-1000, -600, -400, 40, -1000, 900};
    assertEquals(0.5, InputNormalisation.DEFAULT.bodyFraction(ct, 0, 4, 1), 1e-12); // -400 and 40 of four
    assertEquals(0.5, InputNormalisation.DEFAULT.bodyFraction(ct, 4, 2, 1), 1e-12);
  }
}
