package io.petal.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
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
}
