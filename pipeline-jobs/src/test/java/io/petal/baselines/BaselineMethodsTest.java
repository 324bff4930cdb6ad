package io.petal.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.evaluation.AnomalyVolume;
import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three baselines on tiny hand-made volumes, every expected voxel worked out by hand. */
class BaselineMethodsTest {
  private static final ImageGrid GRID = new ImageGrid(5, 5, 5, Affine.axisAligned(2, 2, 3, 0, 0, 0));

  /** A 5 × 5 × 5 PET at 0.5 SUV except the given voxels {i, j, k, SUV·10}. */
  private static StudyImages pet(int[]... hot) {
    float[] suv = new float[GRID.voxelCount()];
    java.util.Arrays.fill(suv, 0.5f);
    for (int[] h : hot) {
      suv[GRID.index(h[0], h[1], h[2])] = h[3] / 10f;
    }
    StudyInfo info = new StudyInfo("c", "p", "s", "pet-ct", List.of("PET"), List.of("SUV"), GRID, false, null,
        List.of());
    return StudyImages.of(info, new float[][] {suv}, new byte[0][]);
  }

  private static byte[] expected(int[]... lesion) {
    byte[] mask = new byte[GRID.voxelCount()];
    for (int[] v : lesion) {
      mask[GRID.index(v[0], v[1], v[2])] = 1;
    }
    return mask;
  }

  @Test
  void fixedThresholdKeepsVoxelsStrictlyAboveIt() {
    PredictedMask m = new SuvThresholdBaseline(2.5).predict(pet(new int[] {1, 1, 1, 25}, new int[] {3, 3, 3, 26}),
        null);
    assertArrayEquals(expected(new int[] {3, 3, 3}), m.label(), "2.5 is not above 2.5");
    assertEquals(0.5f, m.probability()[GRID.index(1, 1, 1)], 1e-6f, "probability 0.5 at the threshold");
    assertEquals(2.6f / 5.1f, m.probability()[GRID.index(3, 3, 3)], 1e-6f);
    assertEquals("baseline-suv2.5", new SuvThresholdBaseline(2.5).model());
    assertEquals("baseline-suv3", new SuvThresholdBaseline(3).model());
  }

  @Test
  void fortyOnePercentIsOfEachEighteenConnectedRegionsOwnMaximum() {
    // region A: a row at j = k = 1 with SUV 10, 5, 4, 3: 41 % of 10 is 4.1, so 4 and 3 drop out
    // region B: (4, 4, 4) alone at SUV 3.0: its own maximum, kept
    // (0, 3, 3) at SUV 8 and (1, 4, 4) at SUV 3.0 share only a corner: two regions under 18-connectivity,
    // so 3.0 is its own region's maximum (kept), not 37.5 % of 8 (which would drop it)
    StudyImages s = pet(new int[] {0, 1, 1, 100}, new int[] {1, 1, 1, 50}, new int[] {2, 1, 1, 40},
        new int[] {3, 1, 1, 30}, new int[] {4, 4, 4, 30}, new int[] {0, 3, 3, 80}, new int[] {1, 4, 4, 30});
    PredictedMask m = new RegionFractionBaseline(2.5, 0.41).predict(s, null);
    assertArrayEquals(expected(new int[] {0, 1, 1}, new int[] {1, 1, 1}, new int[] {4, 4, 4}, new int[] {0, 3, 3},
        new int[] {1, 4, 4}), m.label());
    assertEquals(0.4f, m.probability()[GRID.index(2, 1, 1)], 1e-6f, "SUV / region SUVmax");
    assertEquals(0f, m.probability()[GRID.index(2, 2, 2)], "outside every region");
    assertEquals("baseline-41pct", new RegionFractionBaseline(2.5, 0.41).model());
  }

  @Test
  void anomalyThresholdUsesTheMapNotThePet() {
    StudyImages s = pet(new int[] {2, 2, 2, 90});
    float[] map = new float[GRID.voxelCount()];
    map[GRID.index(0, 0, 0)] = 1.2f;
    map[GRID.index(1, 0, 0)] = 1.0f;
    PredictedMask m = new AnomalyThresholdBaseline(1.0).predict(s, new AnomalyVolume(map, new float[GRID.nz()]));
    assertArrayEquals(expected(new int[] {0, 0, 0}), m.label());
    assertEquals(0.5f, m.probability()[GRID.index(1, 0, 0)], 1e-6f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AnomalyThresholdBaseline(1.0).predict(s, null));
    assertTrue(e.getMessage().contains("study s"), e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SuvThresholdBaseline(0));
    assertThrows(IllegalArgumentException.class, () -> new RegionFractionBaseline(2.5, 1.5));
    assertThrows(IllegalArgumentException.class, () -> new AnomalyThresholdBaseline(Double.NaN));
  }
}
