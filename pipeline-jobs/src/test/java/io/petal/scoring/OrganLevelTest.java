package io.petal.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petal.schema.StudyKind;
import io.petal.training.KindChannels;
import org.junit.jupiter.api.Test;

class OrganLevelTest {
  private static final int SIZE = 32;
  private static final double THRESHOLD = 2.5;
  private static final double FLOOR = 3.5;

  /** A background of 1 SUV with discs of {@code values} at the centres, radii given. */
  private static float[] slice(float background, int[][] discs, float[] values) {
    float[] s = new float[SIZE * SIZE];
    java.util.Arrays.fill(s, background);
    for (int d = 0; d < discs.length; d++) {
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          int dx = x - discs[d][0];
          int dy = y - discs[d][1];
          if (dx * dx + dy * dy <= discs[d][2] * discs[d][2]) {
            s[y * SIZE + x] = values[d];
          }
        }
      }
    }
    return s;
  }

  private static float residual(float[] value, float[] expected, int x, int y) {
    return value[y * SIZE + x] - expected[y * SIZE + x];
  }

  @Test
  void aHotOrganTakesItsOwnLevelAndAFocusAboveItStays() {
    // a bladder of SUV 30 the network expects at 6, with a 2-pixel focus of SUV 40 in its wall
    float[] value = slice(1f, new int[][] {{16, 16, 8}, {20, 16, 1}}, new float[] {30f, 40f});
    float[] expected = slice(1f, new int[][] {{16, 16, 8}}, new float[] {6f});
    OrganLevel.level(value, 0, expected, THRESHOLD, FLOOR, SIZE);
    assertEquals(0f, residual(value, expected, 12, 16), 1e-4, "the organ's excess is its level, not an anomaly");
    assertEquals(10f, residual(value, expected, 20, 16), 1e-4, "the focus stays 10 SUV above the organ's level");
    assertEquals(0f, residual(value, expected, 2, 2), 0f, "outside the organ nothing moves");
  }

  @Test
  void aLesionFilledWithBackgroundKeepsItsWholeResidual() {
    // a lesion of SUV 6 in liver of 2.2: the hole was filled with liver, below the floor
    float[] value = slice(2.2f, new int[][] {{16, 16, 4}}, new float[] {6f});
    float[] expected = slice(2.2f, new int[][] {}, new float[] {});
    float[] before = expected.clone();
    OrganLevel.level(value, 0, expected, THRESHOLD, FLOOR, SIZE);
    assertArrayEquals(before, expected, "below the floor a region is not an organ");
  }

  @Test
  void anOrganBelowItsExpectationAndRegionsApartAreLeftAlone() {
    // left: a heart the network overestimates (SUV 5 expected 8); right: a kidney pelvis at 12 expected 5
    float[] value = slice(1f, new int[][] {{7, 16, 4}, {25, 16, 3}}, new float[] {5f, 12f});
    float[] expected = slice(1f, new int[][] {{7, 16, 4}, {25, 16, 3}}, new float[] {8f, 5f});
    OrganLevel.level(value, 0, expected, THRESHOLD, FLOOR, SIZE);
    assertEquals(8f, expected[16 * SIZE + 7], 0f, "a negative median excess is not taken away");
    assertEquals(12f, expected[16 * SIZE + 25], 1e-4, "each region takes its own level");
  }

  @Test
  void readsTheValuesFromTheirOffset() {
    float[] value = slice(1f, new int[][] {{16, 16, 6}}, new float[] {20f});
    float[] padded = new float[7 + value.length];
    System.arraycopy(value, 0, padded, 7, value.length);
    float[] expected = slice(1f, new int[][] {{16, 16, 6}}, new float[] {5f});
    OrganLevel.level(padded, 7, expected, THRESHOLD, FLOOR, SIZE);
    assertEquals(20f, expected[16 * SIZE + 16], 1e-4);
  }

  @Test
  void offByDefaultAndDescribedWhenOn() {
    ScoringSettings d = ScoringSettings.DEFAULT;
    assertEquals(0, d.organLevelFloor());
    ScoringSettings on = new ScoringSettings(d.threshold(), 8, 10, 32, 0, -1, 0, OrganLevel.PET_RANKING_SUV);
    assertEquals("SUV 2.50, grown by 12 mm, hot organs (expected above 3.50) at their own level",
        MaskThreshold.describe(on, KindChannels.of(StudyKind.PET_CT)));
    assertThrows(IllegalArgumentException.class, () -> new ScoringSettings(d.threshold(), 8, 10, 32, 0, -1, 0, -1));
  }
}
