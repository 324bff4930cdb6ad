package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import org.junit.jupiter.api.Test;

/**
 * A liver block with one contrast-filled vessel, muscle beside it and a bone slab in the muscle:
 * the vessel is found, the liver parenchyma and the muscle next to bone are not.
 */
class VesselMaskTest {

  @Test
  void findsTheVesselButNotParenchymaOrTissueNextToBone() {
    ImageGrid g = new ImageGrid(40, 40, 20, Affine.axisAligned(2, 2, 2, 0, 0, 0));
    float[] ct = new float[g.voxelCount()];
    float[] organs = new float[g.voxelCount()];
    for (int k = 0; k < 20; k++) {
      for (int j = 0; j < 40; j++) {
        for (int i = 0; i < 40; i++) {
          int n = g.index(i, j, k);
          boolean liver = i < 24;
          organs[n] = (liver ? Organ.LIVER : Organ.MUSCLE).code();
          ct[n] = liver ? 55 : 50;
          double dx = (i - 12) * 2.0;
          double dy = (j - 20) * 2.0;
          if (liver && dx * dx + dy * dy <= 16) {
            ct[n] = 180; // a vessel of radius 4 mm along z, inside the liver
          }
          if (i >= 32 && i <= 34) {
            ct[n] = 1000;
            organs[n] = Organ.BONE_CORTEX.code();
          }
        }
      }
    }
    boolean[] v = VesselMask.compute(new Volume(g, ct), new Volume(g, organs));
    assertTrue(v[g.index(12, 20, 10)], "vessel centre");
    assertFalse(v[g.index(4, 4, 10)], "liver parenchyma");
    assertFalse(v[g.index(20, 20, 10)], "liver 16 mm from the vessel");
    assertFalse(v[g.index(31, 20, 10)], "muscle next to bone");
    assertFalse(v[g.index(33, 20, 10)], "bone");
  }
}
