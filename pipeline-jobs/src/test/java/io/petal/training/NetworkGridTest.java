package io.petal.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.geometry.PlanarViewGrid;
import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.models.ModelChannels;
import io.petal.schema.StudyKind;
import org.junit.jupiter.api.Test;

class NetworkGridTest {
  @Test
  void sameCentreSameSlicesNewPixelSpacing() {
    // a rotated, anisotropic 200 x 180 x 7 grid: row direction along +y, column direction along -x
    Affine a = Affine.fromDicom(new double[] {0, 1, 0}, new double[] {-1, 0, 0}, new double[] {0, 0, 1},
        2.0, 2.5, 3.0, new double[] {10, -20, 30});
    ImageGrid study = new ImageGrid(200, 180, 7, a);
    ImageGrid net = NetworkGrid.of(study, 64, 5.0);
    assertEquals(64, net.nx());
    assertEquals(64, net.ny());
    assertEquals(7, net.nz());
    assertEquals(5.0, net.spacing(0), 1e-9);
    assertEquals(5.0, net.spacing(1), 1e-9);
    assertEquals(3.0, net.spacing(2), 1e-9);
    for (int k : new int[] {0, 6}) {
      double[] studyCentre = a.apply(199 / 2.0, 179 / 2.0, k);
      double[] netCentre = net.affine().apply(63 / 2.0, 63 / 2.0, k);
      assertArrayEquals(studyCentre, netCentre, 1e-9, "slice " + k);
    }
    // the row direction is kept: one network pixel along i moves 5 mm along +y
    double[] p0 = net.affine().apply(0, 0, 0);
    double[] p1 = net.affine().apply(1, 0, 0);
    assertArrayEquals(new double[] {0, 5, 0}, new double[] {p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]}, 1e-9);
  }

  /**
   * A whole-body view (64 × 256 pixels of 8 mm: 512 × 2048 mm) on a 64-pixel network grid: the
   * grid is fitted to the view's long side (32 mm pixels), so all four corners of the view lie on
   * it and the body's head and feet are not cropped away; PET/CT keeps its configured pixel.
   */
  @Test
  void thePlanarGridCoversTheWholeView() {
    ImageGrid view = PlanarViewGrid.of(64, 256, 2, 8.0, 8.0);
    ModelChannels bone = KindChannels.of(StudyKind.SPECT_BONE);
    ImageGrid net = NetworkGrid.of(view, 64, 4.0, bone);
    assertEquals(32.0, net.spacing(0), 1e-9);
    assertEquals(2, net.nz(), "one network plane per view");
    Affine toNetwork = net.affine().inverse();
    for (double i : new double[] {-0.5, 63.5}) {
      for (double j : new double[] {-0.5, 255.5}) {
        for (int k = 0; k < 2; k++) {
          double[] p = view.affine().apply(i, j, k);
          double[] n = toNetwork.apply(p[0], p[1], p[2]);
          assertTrue(n[0] >= -0.5 - 1e-9 && n[0] <= 63.5 + 1e-9 && n[1] >= -0.5 - 1e-9 && n[1] <= 63.5 + 1e-9,
              "view corner (" + i + ", " + j + ") at network (" + n[0] + ", " + n[1] + ")");
          assertEquals(k, n[2], 1e-9);
        }
      }
    }
    ImageGrid pet = NetworkGrid.of(view, 64, 4.0, KindChannels.of(StudyKind.PET_CT));
    assertEquals(4.0, pet.spacing(0), 1e-9, "PET/CT: the configured pixel, centred");
  }
}
