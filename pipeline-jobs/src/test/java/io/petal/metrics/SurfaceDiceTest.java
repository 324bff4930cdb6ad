package io.petal.metrics;

import static io.petal.metrics.TinyMasks.pair;
import static io.petal.metrics.TinyMasks.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurfaceDiceTest {

  /**
   * Spacing (x y z, mm), tolerance (mm), truth, prediction, expected surface Dice counted by
   * hand. A 3x3x3 cube has 26 surface voxels, its centre is interior. Two cubes shifted by one
   * voxel in x: 16 of each one's surface voxels coincide with the other's surface; the centre of
   * its inner face lies 1 voxel (in y or z) from the other's surface, and its outer face one
   * voxel in x: so 16 (tolerance 0.5 mm), 26 (1 mm, isotropic) or 17 (x spacing 3 mm, 2 mm) of 26.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "same voxel                        | 1 1 1     | 2   | 1,1,1       | 1,1,1       | 1",
      "2 mm apart along x                | 1 1 1     | 2   | 1,1,1       | 3,1,1       | 1",
      "3 mm apart: x spacing 1.5         | 1.5 1 1   | 2   | 1,1,1       | 3,1,1       | 0",
      "1.8 mm apart: y spacing 0.9       | 1 0.9 1   | 2   | 1,1,1       | 1,3,1       | 1",
      "2.5 mm apart: z spacing 2.5       | 1 1 2.5   | 2   | 1,1,1       | 1,1,2       | 0",
      "diagonal 1.41 mm, tolerance 1.4   | 1 1 1     | 1.4 | 1,1,1       | 2,2,1       | 0",
      "diagonal 1.41 mm, tolerance 1.5   | 1 1 1     | 1.5 | 1,1,1       | 2,2,1       | 1",
      "one of two truth voxels in reach  | 1 1 1     | 2   | 0,0,0 1,0,0 | 3,0,0       | 2/3",
      "cube vs its centre, 2 mm          | 1 1 1     | 2   | 1-3,1-3,1-3 | 2,2,2       | 1",
      "cube vs its centre: faces only    | 1 1 1     | 1.2 | 1-3,1-3,1-3 | 2,2,2       | 7/27",
      "cube vs centre, z spacing 2       | 1 1 2     | 2   | 1-3,1-3,1-3 | 2,2,2       | 11/27",
      "cube shifted 1 voxel, 0.5 mm      | 1 1 1     | 0.5 | 0-2,0-2,0-2 | 1-3,0-2,0-2 | 32/52",
      "cube shifted 1 voxel, 1 mm        | 1 1 1     | 1   | 0-2,0-2,0-2 | 1-3,0-2,0-2 | 1",
      "cube shifted 3 mm, 1 mm to inside | 3 1 1     | 2   | 0-2,0-2,0-2 | 1-3,0-2,0-2 | 34/52"})
  void surfaceDiceMatchesHandCount(String name, String spacing, double toleranceMm, String truth,
      String predicted, String expected) {
    String[] s = spacing.split(" ");
    ImageGrid grid = TinyMasks.grid(5, Double.parseDouble(s[0]), Double.parseDouble(s[1]), Double.parseDouble(s[2]));
    MaskPair masks = pair(grid, truth, predicted);
    assertEquals(value(expected), SurfaceDice.of(masks, toleranceMm, EmptyMaskPolicy.DEFAULT), 1e-12);
  }

  @Test
  void masksFillingTheGridHaveTheirSurfaceAtTheBorder() {
    ImageGrid grid = TinyMasks.grid(2, 1, 1, 1);
    MaskPair full = pair(grid, "0-1,0-1,0-1", "0-1,0-1,0-1");
    assertEquals(1.0, SurfaceDice.of(full));
  }

  @Test
  void matchesABruteForceCountOnRandomAnisotropicMasks() {
    ImageGrid grid = new ImageGrid(11, 9, 7, Affine.axisAligned(0.8, 1.3, 2.4, 5, -7, 30));
    SplittableRandom rng = new SplittableRandom(8);
    for (int trial = 0; trial < 20; trial++) {
      boolean[] truth = blob(grid, rng);
      boolean[] predicted = blob(grid, rng);
      MaskPair masks = new MaskPair("random-" + trial, grid, truth, predicted);
      double tolerance = rng.nextDouble(0.5, 4);
      assertEquals(bruteForce(grid, truth, predicted, tolerance),
          SurfaceDice.of(masks, tolerance, EmptyMaskPolicy.DEFAULT), 1e-12, "trial " + trial);
    }
  }

  @Test
  void aNegativeToleranceIsRefused() {
    MaskPair masks = pair(TinyMasks.grid(3, 1, 1, 1), "1,1,1", "1,1,1");
    assertThrows(IllegalArgumentException.class, () -> SurfaceDice.of(masks, -1, EmptyMaskPolicy.DEFAULT));
  }

  /** A random box of random voxels somewhere in the grid (never empty). */
  private static boolean[] blob(ImageGrid g, SplittableRandom rng) {
    boolean[] m = new boolean[g.voxelCount()];
    int i0 = rng.nextInt(g.nx() - 2);
    int j0 = rng.nextInt(g.ny() - 2);
    int k0 = rng.nextInt(g.nz() - 2);
    m[g.index(i0, j0, k0)] = true;
    for (int k = k0; k < Math.min(g.nz(), k0 + 4); k++) {
      for (int j = j0; j < Math.min(g.ny(), j0 + 5); j++) {
        for (int i = i0; i < Math.min(g.nx(), i0 + 6); i++) {
          m[g.index(i, j, k)] |= rng.nextDouble() < 0.6;
        }
      }
    }
    return m;
  }

  /** The definition, literally: surface voxels, all pairwise centre distances in patient mm. */
  private static double bruteForce(ImageGrid g, boolean[] truth, boolean[] predicted, double tol) {
    boolean[] st = surfaceByDefinition(g, truth);
    boolean[] sp = surfaceByDefinition(g, predicted);
    int within = 0;
    int total = 0;
    for (int v = 0; v < st.length; v++) {
      if (st[v]) {
        total++;
        within += nearest(g, v, sp) <= tol ? 1 : 0;
      }
      if (sp[v]) {
        total++;
        within += nearest(g, v, st) <= tol ? 1 : 0;
      }
    }
    return (double) within / total;
  }

  private static boolean[] surfaceByDefinition(ImageGrid g, boolean[] m) {
    int[][] faces = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    boolean[] s = new boolean[m.length];
    for (int v = 0; v < m.length; v++) {
      int i = v % g.nx();
      int j = (v / g.nx()) % g.ny();
      int k = v / g.sliceSize();
      for (int[] d : faces) {
        int a = i + d[0];
        int b = j + d[1];
        int c = k + d[2];
        boolean outside = a < 0 || b < 0 || c < 0 || a >= g.nx() || b >= g.ny() || c >= g.nz();
        s[v] |= m[v] && (outside || !m[g.index(a, b, c)]);
      }
    }
    return s;
  }

  private static double nearest(ImageGrid g, int v, boolean[] set) {
    double[] p = g.affine().apply(v % g.nx(), (v / g.nx()) % g.ny(), v / g.sliceSize());
    double best = Double.POSITIVE_INFINITY;
    for (int w = 0; w < set.length; w++) {
      if (set[w]) {
        double[] q = g.affine().apply(w % g.nx(), (w / g.nx()) % g.ny(), w / g.sliceSize());
        best = Math.min(best, Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1])
            + (p[2] - q[2]) * (p[2] - q[2])));
      }
    }
    return best;
  }
}
