package io.petal.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import org.junit.jupiter.api.Test;

class ResamplerTest {
  /** A 4x3x2 volume whose value is a linear function of patient position: v = x + 10y + 100z (mm). */
  private static Volume linearField(ImageGrid g) {
    Volume v = Volume.zeros(g);
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++) {
          double[] p = g.affine().apply(i, j, k);
          v.set(i, j, k, (float) (p[0] + 10 * p[1] + 100 * p[2]));
        }
      }
    }
    return v;
  }

  @Test
  void sameGridKeepsTheValues() {
    ImageGrid g = new ImageGrid(4, 3, 2, Affine.axisAligned(2, 2, 3, -4, -3, 0));
    Volume v = linearField(g);
    assertArrayEquals(v.data(), Resampler.resample(v, g, Interpolation.LINEAR, -1000).data());
  }

  @Test
  void trilinearReproducesALinearFieldOnAnObliqueFinerGrid() {
    ImageGrid src = new ImageGrid(20, 20, 20, Affine.axisAligned(2, 2, 2, -20, -20, -20));
    Volume v = linearField(src);
    double c = Math.cos(0.3), s = Math.sin(0.3);
    // rotated 0.3 rad about z, 1.5 mm spacing, well inside the source field of view
    ImageGrid dst = new ImageGrid(6, 6, 6, Affine.of(new double[] {
        1.5 * c, -1.5 * s, 0, -4, 1.5 * s, 1.5 * c, 0, -4, 0, 0, 1.5, -4}));
    Volume r = Resampler.resample(v, dst, Interpolation.LINEAR, -1000);
    for (int k = 0; k < 6; k++) {
      for (int j = 0; j < 6; j++) {
        for (int i = 0; i < 6; i++) {
          double[] p = dst.affine().apply(i, j, k);
          assertEquals(p[0] + 10 * p[1] + 100 * p[2], r.get(i, j, k), 1e-3);
        }
      }
    }
  }

  @Test
  void flippedAxesMapToTheSamePatientPositions() {
    ImageGrid src = new ImageGrid(5, 4, 3, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    Volume v = linearField(src);
    // same voxels, x axis reversed: index 0 sits at x = 4 mm
    ImageGrid flipped = new ImageGrid(5, 4, 3, Affine.of(new double[] {-1, 0, 0, 4, 0, 1, 0, 0, 0, 0, 1, 0}));
    Volume r = Resampler.resample(v, flipped, Interpolation.NEAREST, 0);
    assertEquals(v.get(4, 2, 1), r.get(0, 2, 1));
    assertEquals(v.get(0, 3, 2), r.get(4, 3, 2));
  }

  @Test
  void outsideTheFieldOfViewGetsTheFillValue() {
    ImageGrid src = new ImageGrid(4, 4, 4, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    Volume v = linearField(src);
    ImageGrid shifted = new ImageGrid(4, 4, 4, Affine.axisAligned(1, 1, 1, 2, 0, 0));
    Volume r = Resampler.resample(v, shifted, Interpolation.LINEAR, -1000);
    assertEquals(v.get(2, 1, 1), r.get(0, 1, 1), 1e-5); // x = 2 mm exists in the source
    assertEquals(-1000, r.get(3, 1, 1));                  // x = 5 mm is beyond it
  }

  @Test
  void nearestKeepsLabelValuesUnblended() {
    ImageGrid src = new ImageGrid(4, 4, 4, Affine.axisAligned(4, 4, 4, 0, 0, 0));
    Volume lab = Volume.zeros(src);
    lab.set(1, 1, 1, 3);
    lab.set(2, 1, 1, 7);
    ImageGrid fine = new ImageGrid(16, 16, 16, Affine.axisAligned(1, 1, 1, -1.5, -1.5, -1.5));
    Volume r = Resampler.resample(lab, fine, Interpolation.NEAREST, 0);
    for (float f : r.data()) {
      org.junit.jupiter.api.Assertions.assertTrue(f == 0 || f == 3 || f == 7, "blended label " + f);
    }
    long n3 = 0;
    for (float f : r.data()) {
      n3 += f == 3 ? 1 : 0;
    }
    assertEquals(64, n3); // one 4 mm voxel = 4x4x4 one-millimetre voxels
  }
}
