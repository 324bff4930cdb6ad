package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LesionShapeTest {
  private static final ImageGrid GRID = new ImageGrid(60, 60, 60,
      Affine.axisAligned(1.5, 1.5, 1.5, -45, -45, -45));

  @Test
  void theLabelStaysWithinTheExtentAndHasAPlausibleVolume() {
    for (int seed = 0; seed < 8; seed++) {
      double r = 6 + 2 * seed;
      Vec3 centre = new Vec3(0.3, -0.4, 0.2);
      LesionShape s = LesionShape.generate(GRID, centre, r, new SplittableRandom(seed));
      VoxelBox b = s.box();
      float[] alpha = s.alpha();
      double extent = LesionShape.extentMm(r);
      int inside = 0;
      for (int k = b.k0(); k <= b.k1(); k++) {
        for (int j = b.j0(); j <= b.j1(); j++) {
          for (int i = b.i0(); i <= b.i1(); i++) {
            float a = alpha[b.local(i, j, k)];
            assertTrue(a >= -1e-6 && a <= 1 + 1e-6, "soft mask outside [0, 1]: " + a);
            if (a >= 0.5f) {
              inside++;
              double[] p = GRID.affine().apply(i, j, k);
              double d = Math.hypot(Math.hypot(p[0] - centre.x(), p[1] - centre.y()),
                  p[2] - centre.z());
              assertTrue(d <= extent, "label voxel " + d + " mm from the centre, extent " + extent);
            }
          }
        }
      }
      double volume = inside * Math.pow(1.5, 3);
      double smallest = 4 / 3.0 * Math.PI * Math.pow(0.75 * r * 0.8, 3);
      double largest = 4 / 3.0 * Math.PI * Math.pow(1.25 * r * 1.2, 3);
      assertTrue(volume >= smallest && volume <= largest, "volume " + volume + " for r " + r);
    }
  }
}
