package io.petal.metrics;

import static io.petal.metrics.TinyMasks.pair;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ConnectedComponents;
import io.petal.image.Connectivity;
import io.petal.image.ImageGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LesionComponentsTest {
  /** 2 x 2 x 3 mm voxels: 12 mm³ = 0.012 mL each. */
  private static final ImageGrid GRID = TinyMasks.grid(5, 2, 2, 3);

  @Test
  void voxelsOfTheTableGridHold12Microlitres() {
    assertEquals(0.012, GRID.voxelVolumeMl(), 1e-15);
  }

  /** Truth, prediction, false-positive and false-negative volume (mL) by hand, 18-connectivity. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "exact match                               | 0-1,0,0      | 0-1,0,0               | 0     | 0",
      "an extra isolated component               | 0-1,0,0      | 1-2,0,0 4,4,2-4       | 0.036 | 0",
      "a missed lesion                           | 0-1,0,0 4,4,4 | 0,0,0                | 0     | 0.012",
      "touching by one voxel clears a component  | 0,0,0        | 0-3,0,0               | 0     | 0",
      "corner-only predicted neighbour is an FP  | 0,0,0        | 0,0,0 1,1,1           | 0.012 | 0",
      "edge predicted neighbour joins the TP     | 0,0,0        | 0,0,0 1,1,0           | 0     | 0",
      "corner-only true neighbour is an FN       | 0,0,0 1,1,1  | 0,0,0                 | 0     | 0.012",
      "nothing predicted                         | 0-1,0,0      |                       | 0     | 0.024",
      "nothing true                              |              | 2,2,2-3               | 0.024 | 0",
      "both empty                                |              |                       | 0     | 0"})
  void falseVolumesMatchHandCount(String name, String truth, String predicted, double fpvMl, double fnvMl) {
    LesionComponents c = LesionComponents.of(pair(GRID, truth, predicted));
    assertEquals(fpvMl, c.falsePositiveVolumeMl(), 1e-12, "FPV");
    assertEquals(fnvMl, c.falseNegativeVolumeMl(), 1e-12, "FNV");
  }

  @Test
  void cornerNeighboursJoinUnderVertexConnectivityOnly() {
    MaskPair masks = pair(GRID, "0,0,0", "0,0,0 1,1,1");
    assertEquals(2, LesionComponents.of(masks).predictedComponentCount());
    assertEquals(1, LesionComponents.of(masks, Connectivity.VERTEX).predictedComponentCount());
    assertEquals(0.0, LesionComponents.of(masks, Connectivity.VERTEX).falsePositiveVolumeMl());
  }

  @Test
  void lesionLabelsAreThoseOfTheWholeGrid() {
    ImageGrid grid = new ImageGrid(12, 10, 8, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    SplittableRandom rng = new SplittableRandom(21);
    boolean[] truth = new boolean[grid.voxelCount()];
    boolean[] predicted = new boolean[grid.voxelCount()];
    for (int k = 2; k < 7; k++) {
      for (int j = 3; j < 9; j++) {
        for (int i = 1; i < 10; i++) {
          truth[grid.index(i, j, k)] = rng.nextDouble() < 0.08;
          predicted[grid.index(i, j, k)] = rng.nextDouble() < 0.1;
        }
      }
    }
    LesionComponents c = LesionComponents.of(new MaskPair("random", grid, truth, predicted));
    ConnectedComponents whole = ConnectedComponents.of(truth, 12, 10, 8, Connectivity.EDGE);
    assertTrue(whole.count() > 3, "several lesions: " + whole.count());
    assertEquals(whole.count(), c.lesionCount());
    assertArrayEquals(whole.labels(), c.lesionLabels());
    for (int v = 0; v < truth.length; v++) {
      assertEquals(whole.labels()[v], c.lesionLabelAt(v), "voxel " + v);
    }
    assertThrows(IllegalArgumentException.class, () -> c.lesionLabelAt(truth.length));
  }

  @Test
  void overlapAndTouchingVolumesPerLesion() {
    // lesions (0,0,0) and (2,0,0); one predicted bar 0..2 touches both, a second bar touches lesion 2
    LesionComponents c = LesionComponents.of(pair(GRID, "0,0,0 2,0,0", "0-2,0,0 2,2-3,0"));
    assertEquals(2, c.lesionCount());
    assertEquals(2, c.predictedComponentCount());
    assertEquals(1, c.overlapVoxels(1));
    assertEquals(3, c.touchingPredictedVoxels(1));
    assertEquals(3, c.touchingPredictedVoxels(2), "the second bar does not touch lesion 2's voxel");
    assertEquals(0.012, c.lesionVolumeMl(2), 1e-12);
    assertTrue(c.isFalsePositive(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.overlapVoxels(3));
    assertTrue(e.getMessage().contains("case-") && e.getMessage().contains("no lesion 3"), e.getMessage());
  }
}
