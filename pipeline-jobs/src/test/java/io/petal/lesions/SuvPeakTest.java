package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import org.junit.jupiter.api.Test;

/** The 1 mL sphere of SUVpeak on anisotropic, oblique and coarse grids. */
class SuvPeakTest {
  @Test
  void radiusIsThatOfOneMillilitre() {
    assertEquals(1000.0, 4.0 / 3 * Math.PI * Math.pow(SuvPeak.RADIUS_MM, 3), 1e-9);
    assertEquals(6.2035, SuvPeak.RADIUS_MM, 1e-4);
  }

  @Test
  void sphereOnTheAnisotropicPhantomGridHas41VoxelsCountedByHand() {
    SuvPeak peak = new SuvPeak(BlobPhantom.GRID);
    assertEquals(BlobPhantom.SPHERE_VOXELS, peak.sphereVoxels());
    assertEquals(41 * 0.024, peak.sphereVolumeMl(), 1e-12);
  }

  @Test
  void sphereOnAnIsotropicMillimetreGridIsCloseToOneMillilitre() {
    SuvPeak peak = new SuvPeak(new ImageGrid(30, 30, 30, Affine.axisAligned(1, 1, 1, 0, 0, 0)));
    assertEquals(1.0, peak.sphereVolumeMl(), 0.025); // 1021 voxel centres
  }

  @Test
  void obliqueGridCountsTheSameVoxelsAsItsAxisAlignedTwin() {
    double c = Math.cos(0.5);
    double s = Math.sin(0.5);
    // columns: 2 mm along (c, s, 0), 3 mm along (-s, c, 0), 4 mm along z
    Affine oblique = Affine.of(new double[] {2 * c, -3 * s, 0, 0, 2 * s, 3 * c, 0, 0, 0, 0, 4, 0});
    assertEquals(BlobPhantom.SPHERE_VOXELS, new SuvPeak(new ImageGrid(20, 16, 10, oblique)).sphereVoxels());
  }

  @Test
  void voxelsOutsideTheImageAreLeftOut() {
    ImageGrid g = BlobPhantom.GRID;
    float[] suv = new float[g.voxelCount()];
    java.util.Arrays.fill(suv, 2f);
    suv[g.index(0, 0, 0)] = 43f;
    // at the corner voxel only offsets >= 0 stay in the image: slice 0: 4 (dj 0) + 3 (dj 1) + 1 (dj 2),
    // slice 1: 3 (dj 0) + 2 (dj 1): 13 voxels
    assertEquals((43 + 12 * 2.0) / 13, new SuvPeak(g).sphereMean(suv, 0, 0, 0), 1e-9);
  }
}
