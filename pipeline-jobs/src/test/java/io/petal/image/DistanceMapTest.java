package io.petal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceMapTest {

  @Test
  void matchesBruteForceOnAnAnisotropicGrid() {
    ImageGrid g = new ImageGrid(13, 9, 7, Affine.axisAligned(1.5, 2.0, 3.5, 10, -4, 7));
    boolean[] mask = new boolean[g.voxelCount()];
    SplittableRandom rng = new SplittableRandom(3);
    for (int n = 0; n < mask.length; n++) {
      mask[n] = rng.nextDouble() < 0.02;
    }
    float[] d = DistanceMap.distanceMm(mask, g);
    for (int n = 0; n < mask.length; n++) {
      double best = Double.POSITIVE_INFINITY;
      double[] p = centre(g, n);
      for (int m = 0; m < mask.length; m++) {
        if (mask[m]) {
          double[] q = centre(g, m);
          best = Math.min(best, Math.hypot(Math.hypot(p[0] - q[0], p[1] - q[1]), p[2] - q[2]));
        }
      }
      assertEquals(best, d[n], 1e-4, "voxel " + n);
    }
  }

  @Test
  void anEmptyMaskIsInfinitelyFar() {
    ImageGrid g = new ImageGrid(4, 4, 4, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    for (float v : DistanceMap.distanceMm(new boolean[64], g)) {
      assertTrue(Float.isInfinite(v));
    }
  }

  private static double[] centre(ImageGrid g, int n) {
    return g.affine().apply(n % g.nx(), (n / g.nx()) % g.ny(), n / g.sliceSize());
  }
}
