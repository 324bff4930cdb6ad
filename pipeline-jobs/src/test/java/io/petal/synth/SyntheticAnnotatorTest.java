package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ConnectedComponents;
import io.petal.image.Connectivity;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Further annotators redraw each lesion grown or shrunk by a voxel and shifted by at most a voxel per axis. */
class SyntheticAnnotatorTest {
  private static final ImageGrid GRID = new ImageGrid(12, 12, 12, Affine.axisAligned(2, 2, 3, 0, 0, 0));
  /** A 3 × 3 × 3 cube around (3, 3, 3) and a single voxel at (8, 8, 8). */
  private static final Volume EXACT = exact();

  private static Volume exact() {
    Volume v = Volume.zeros(GRID);
    for (int k = 2; k <= 4; k++) {
      for (int j = 2; j <= 4; j++) {
        for (int i = 2; i <= 4; i++) {
          v.data()[GRID.index(i, j, k)] = 1f;
        }
      }
    }
    v.data()[GRID.index(8, 8, 8)] = 1f;
    return v;
  }

  @Test
  void anEvenAnnotatorGrowsEachLesionByOneVoxelAcrossItsFaces() {
    Volume drawn = SyntheticAnnotator.redraw(EXACT, 42, 3, 2);
    ConnectedComponents c = ConnectedComponents.of(drawn, Connectivity.EDGE);
    assertEquals(2, c.count(), "the same two lesions");
    assertEquals(Set.of(27 + 6 * 9, 1 + 6), sizes(c), "cube + one layer on each face; voxel + its 6 face neighbours");
    assertCentresMovedAtMostOneVoxel(drawn);
  }

  @Test
  void anOddAnnotatorShrinksEachLesionButMissesNone() {
    Volume drawn = SyntheticAnnotator.redraw(EXACT, 42, 3, 3);
    ConnectedComponents c = ConnectedComponents.of(drawn, Connectivity.EDGE);
    assertEquals(2, c.count());
    assertEquals(List.of(1, 1), List.of(c.size(1), c.size(2)), "the cube's centre; the lone voxel kept whole");
    assertCentresMovedAtMostOneVoxel(drawn);
  }

  @Test
  void redrawingIsDeterministicAndAnnotatorsDiffer() {
    assertArrayEquals(SyntheticAnnotator.redraw(EXACT, 42, 3, 2).data(), SyntheticAnnotator.redraw(EXACT, 42, 3, 2).data());
    Set<String> shapes = new HashSet<>();
    for (int a = 2; a <= 8; a += 2) {
      shapes.add(java.util.Arrays.toString(SyntheticAnnotator.redraw(EXACT, 42, 3, a).data()));
    }
    assertTrue(shapes.size() > 1, "generous annotators shift their lesions independently");
    assertThrows(IllegalArgumentException.class, () -> SyntheticAnnotator.redraw(EXACT, 42, 3, 1));
  }

  private static Set<Integer> sizes(ConnectedComponents c) {
    Set<Integer> s = new HashSet<>();
    for (int size : c.sizes()) {
      s.add(size);
    }
    return s;
  }

  /** Each drawn lesion's centre lies within one voxel per axis of the exact lesion's centre. */
  private static void assertCentresMovedAtMostOneVoxel(Volume drawn) {
    double[][] exactCentres = {{3, 3, 3}, {8, 8, 8}};
    ConnectedComponents c = ConnectedComponents.of(drawn, Connectivity.EDGE);
    for (int label = 1; label <= c.count(); label++) {
      double[] centre = new double[3];
      for (int v = 0; v < c.labels().length; v++) {
        if (c.labels()[v] == label) {
          centre[0] += v % GRID.nx();
          centre[1] += (v / GRID.nx()) % GRID.ny();
          centre[2] += v / GRID.sliceSize();
        }
      }
      double[] mean = {centre[0] / c.size(label), centre[1] / c.size(label), centre[2] / c.size(label)};
      double[] nearest = Math.abs(mean[0] - 3) < Math.abs(mean[0] - 8) ? exactCentres[0] : exactCentres[1];
      for (int axis = 0; axis < 3; axis++) {
        assertTrue(Math.abs(mean[axis] - nearest[axis]) <= 1 + 1e-12, "lesion " + label + " centre "
            + java.util.Arrays.toString(mean));
      }
    }
  }
}
