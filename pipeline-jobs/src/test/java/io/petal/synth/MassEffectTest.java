package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import org.junit.jupiter.api.Test;

class MassEffectTest {
  private static final ImageGrid GRID = new ImageGrid(41, 41, 41,
      Affine.axisAligned(1, 1, 1, -20, -20, -20));

  @Test
  void tissueIsPushedOutwardsAndNothingMovesBeyondGammaMax() {
    byte[] label = sphere(6);
    float[] image = new float[label.length];
    for (int n = 0; n < label.length; n++) {
      image[n] = label[n];
    }
    byte[] before = label.clone();
    MassEffect.apply(GRID, new Vec3(0, 0, 0), 15, 60, new float[][] {image}, new byte[][] {label});
    int grownFrom = count(before);
    int grownTo = count(label);
    assertTrue(grownTo > 1.5 * grownFrom, "the central structure must expand: " + grownFrom
        + " -> " + grownTo);
    for (int n = 0; n < label.length; n++) {
      double[] p = GRID.affine().apply(n % 41, (n / 41) % 41, n / (41 * 41));
      if (Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) >= 15) {
        assertEquals(before[n], label[n], "voxel beyond gamma max moved");
      }
    }
    assertEquals(1f, image[GRID.index(20, 20, 20)], 1e-6);
  }

  @Test
  void zeroStrengthChangesNothing() {
    byte[] label = sphere(6);
    byte[] before = label.clone();
    MassEffect.apply(GRID, new Vec3(0, 0, 0), 15, 0, new float[0][], new byte[][] {label});
    assertArrayEquals(before, label);
  }

  private static byte[] sphere(double r) {
    byte[] b = new byte[GRID.voxelCount()];
    for (int n = 0; n < b.length; n++) {
      double[] p = GRID.affine().apply(n % 41, (n / 41) % 41, n / (41 * 41));
      b[n] = (byte) (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] <= r * r ? 1 : 0);
    }
    return b;
  }

  private static int count(byte[] b) {
    int c = 0;
    for (byte v : b) {
      c += v;
    }
    return c;
  }
}
