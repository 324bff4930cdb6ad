package io.petal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopMeanTest {

  /** What the slice score was defined as: sort the run, average its last k entries in ascending order. */
  private static float sortedMean(float[] values, int offset, int count, int k) {
    float[] copy = Arrays.copyOfRange(values, offset, offset + count);
    Arrays.sort(copy);
    int n = Math.min(k, count);
    double sum = 0;
    for (int i = count - n; i < count; i++) {
      sum += copy[i];
    }
    return (float) (sum / n);
  }

  @Test
  void equalsTheMeanOfTheSortedTailBitForBit() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int count = 1 + rng.nextInt(400);
      float[] values = new float[count + 20];
      for (int i = 0; i < values.length; i++) {
        double u = rng.nextDouble();
        // mostly zeros (outside the body), ties, negative zero, and a few large values
        values[i] = u < 0.5 ? 0f : u < 0.55 ? -0f : u < 0.7 ? (float) rng.nextInt(4) : (float) (5 * rng.nextDouble());
      }
      int offset = rng.nextInt(21);
      int k = 1 + rng.nextInt(30);
      assertEquals(Float.floatToIntBits(sortedMean(values, offset, count, k)),
          Float.floatToIntBits(TopMean.of(values, offset, count, k)), "trial " + trial + ": k " + k + ", count " + count);
    }
  }

  @Test
  void aNotANumberRanksAboveEveryValueAsInASort() {
    float[] values = {1f, Float.NaN, 3f, 2f};
    assertEquals(Float.NaN, TopMean.of(values, 0, 4, 2));
    assertEquals(2.5f, TopMean.of(new float[] {1f, 3f, 2f}, 0, 3, 2));
    assertEquals(2f, TopMean.of(new float[] {1f, 3f, 2f}, 0, 3, 10), "k above the count: mean of all");
  }

  @Test
  void rejectsAnEmptyRunOrNoValues() {
    assertThrows(IllegalArgumentException.class, () -> TopMean.of(new float[3], 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> TopMean.of(new float[3], 0, 3, 0));
  }
}
