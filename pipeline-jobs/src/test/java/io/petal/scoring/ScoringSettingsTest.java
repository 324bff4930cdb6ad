package io.petal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoringSettingsTest {
  private static ScoringSettings withReference(double c) {
    return new ScoringSettings(SuvThreshold.DEFAULT, 8, 10, 32, 0, 0, c, 0);
  }

  @Test
  void plainResidualIsThePositiveExcess() {
    ScoringSettings d = ScoringSettings.DEFAULT;
    assertEquals(4.5f, d.anomaly(5f, 0.5f), 1e-6);
    assertEquals(0f, d.anomaly(1f, 3f), "a deficit is no anomaly");
    assertEquals(0f, d.anomaly(Float.NaN, 1f), "NaN is no anomaly");
  }

  @Test
  void referenceDividesTheExcessByTheExpectedLevel() {
    ScoringSettings s = withReference(1.0);
    // a lung lesion of SUV 5 where 0.5 is expected keeps two thirds of its excess ...
    assertEquals(3.0f, s.anomaly(5f, 0.5f), 1e-6);
    // ... a bladder 4 SUV hotter than its expected 8 keeps one ninth
    assertEquals(4f / 9, s.anomaly(12f, 8f), 1e-6);
    assertEquals(2.3f, s.anomaly(2f, -0.3f), 1e-6, "a negative reconstruction divides by 1");
  }

  @Test
  void refusesNegativeOrInfiniteSettings() {
    assertThrows(IllegalArgumentException.class, () -> withReference(-1));
    assertThrows(IllegalArgumentException.class, () -> withReference(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class,
        () -> new ScoringSettings(SuvThreshold.DEFAULT, 8, 10, 32, 0, -2, 0, 0));
  }
}
