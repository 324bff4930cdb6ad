package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HotVoxelMaskerTest {
  private static final int SIZE = 4;
  private static final int PLANE = SIZE * SIZE;

  /** Two samples of three slices each of one channel; the centre slice of sample 1 holds the test values. */
  private static float[][] images(float[] centre) {
    float[] channel = new float[2 * 3 * PLANE];
    java.util.Arrays.fill(channel, 100f); // every other slice is far above any threshold: must not count
    System.arraycopy(centre, 0, channel, (1 * 3 + 1) * PLANE, PLANE);
    return new float[][] {channel};
  }

  @Test
  void hidesTheCentreSliceVoxelsAboveTheDrawnThresholdAndKeepsWhatWasHidden() {
    float[] centre = new float[PLANE];
    centre[0] = 10f; // 4 x the threshold: above any drawn threshold (at most 1.5 x)
    centre[1] = 1.5f; // 0.6 x: below any drawn threshold (at least 0.75 x)
    centre[2] = Float.NaN; // not hot
    centre[3] = 3.8f; // 1.52 x: above
    float[] hidden = new float[2 * PLANE];
    hidden[PLANE + 5] = 1f; // hidden by a rectangle before
    HotVoxelMasker masker = new HotVoxelMasker(SIZE, 3, 1.0, 2.5);
    for (long seed = 0; seed < 20; seed++) {
      java.util.Arrays.fill(hidden, PLANE, 2 * PLANE, 0f);
      hidden[PLANE + 5] = 1f;
      int added = masker.draw(images(centre), new int[] {0}, 1, new SplittableRandom(seed), hidden, PLANE);
      assertEquals(2, added, "seed " + seed);
      assertEquals(1f, hidden[PLANE], "seed " + seed);
      assertEquals(0f, hidden[PLANE + 1], "seed " + seed);
      assertEquals(0f, hidden[PLANE + 2], "seed " + seed);
      assertEquals(1f, hidden[PLANE + 3], "seed " + seed);
      assertEquals(1f, hidden[PLANE + 5], "seed " + seed);
      assertEquals(0f, hidden[0], "sample 0's mask is not touched");
    }
  }

  @Test
  void aVoxelBetweenTheBoundsIsHiddenInSomeSamplesOnly() {
    float[] centre = new float[PLANE];
    centre[0] = 2.5f * 1.1f;
    HotVoxelMasker masker = new HotVoxelMasker(SIZE, 3, 1.0, 2.5);
    SplittableRandom random = new SplittableRandom(7);
    int hiddenCount = 0;
    for (int k = 0; k < 1000; k++) {
      float[] hidden = new float[2 * PLANE];
      hiddenCount += masker.draw(images(centre), new int[] {0}, 1, random, hidden, PLANE);
    }
    // thresholds uniform in [0.75, 1.5] x 2.5: P(t < 1.1 x 2.5) = (1.1 - 0.75) / 0.75 = 0.467
    assertEquals(467, hiddenCount, 50);
  }

  @Test
  void theProbabilityChoosesTheSamplesAndZeroHidesNothing() {
    float[] centre = new float[PLANE];
    java.util.Arrays.fill(centre, 50f);
    SplittableRandom random = new SplittableRandom(3);
    int chosen = 0;
    HotVoxelMasker half = new HotVoxelMasker(SIZE, 3, 0.5, 2.5);
    for (int k = 0; k < 1000; k++) {
      chosen += half.draw(images(centre), new int[] {0}, 1, random, new float[2 * PLANE], PLANE) > 0 ? 1 : 0;
    }
    assertEquals(500, chosen, 50);
    HotVoxelMasker off = new HotVoxelMasker(SIZE, 3, 0.0, 2.5);
    float[] hidden = new float[2 * PLANE];
    assertEquals(0, off.draw(images(centre), new int[] {0}, 1, random, hidden, PLANE));
    assertEquals(0, java.util.stream.IntStream.range(0, hidden.length).filter(i -> hidden[i] != 0f).count());
  }

  @Test
  void anyChannelOfTheMaskedBranchMakesAVoxelHot() {
    float[] low = new float[2 * 3 * PLANE];
    float[] high = new float[2 * 3 * PLANE];
    high[(1 * 3 + 1) * PLANE + 4] = 9f;
    float[] hidden = new float[2 * PLANE];
    int added = new HotVoxelMasker(SIZE, 3, 1.0, 0.8).draw(new float[][] {low, new float[0], high}, new int[] {0, 2}, 1,
        new SplittableRandom(1), hidden, PLANE);
    assertEquals(1, added);
    assertEquals(1f, hidden[PLANE + 4]);
  }
}
