package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LesionLabelTest {
  private static final ImageGrid GRID = new ImageGrid(30, 30, 30,
      Affine.axisAligned(4, 4, 4, -58, -58, -58));
  private static final int CENTRE = GRID.index(15, 15, 15);
  private static final Vec3 CENTRE_MM = new Vec3(2, 2, 2);

  @Test
  void aLesionSmallerThanAVoxelIsCompletedToTheMinimumAroundItsCentre() {
    LesionShape tiny = LesionShape.generate(GRID, CENTRE_MM, 0.8, new SplittableRandom(1));
    boolean[] label = LesionLabel.compute(tiny, GRID, CENTRE, n -> true, 4);
    VoxelBox b = tiny.box();
    assertEquals(4, count(label));
    assertTrue(label[b.local(15, 15, 15)], "the centre voxel belongs to the lesion");
  }

  @Test
  void theLabelKeepsOnlyFreeVoxelsConnectedToTheCentre() {
    LesionShape shape = LesionShape.generate(GRID, CENTRE_MM, 14, new SplittableRandom(2));
    int wall = 17; // voxels with i == 17 are blocked (a vessel, say): the part beyond is cut off
    boolean[] label = LesionLabel.compute(shape, GRID, CENTRE, n -> n % 30 != wall, 4);
    VoxelBox b = shape.box();
    int inside = 0;
    for (int k = b.k0(); k <= b.k1(); k++) {
      for (int j = b.j0(); j <= b.j1(); j++) {
        for (int i = b.i0(); i <= b.i1(); i++) {
          if (label[b.local(i, j, k)]) {
            inside++;
            assertTrue(i < wall, "voxel beyond the blocked plane kept at i=" + i);
            assertTrue(shape.alpha()[b.local(i, j, k)] >= 0.5f);
          }
        }
      }
    }
    assertTrue(inside > 50, "most of the lesion stays: " + inside);
  }

  private static int count(boolean[] m) {
    int c = 0;
    for (boolean v : m) {
      c += v ? 1 : 0;
    }
    return c;
  }
}
