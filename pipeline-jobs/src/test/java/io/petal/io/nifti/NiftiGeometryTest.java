package io.petal.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Which header fields place the voxels, and how they become LPS+ millimetres. Expected patient
 * coordinates are worked out by hand from the standard's formulas.
 */
class NiftiGeometryTest {
  private static final float SIN45 = (float) Math.sqrt(0.5);

  private static NiftiImage read(NiftiTestFile file) throws IOException {
    return NiftiReader.read(new ByteArrayInputStream(file.dims(2, 2, 2)
        .voxels(new double[8]).bytes()), "geometry.nii");
  }

  private static void assertMapsTo(Affine a, double[] ijk, double[] lps) {
    assertArrayEquals(lps, a.apply(ijk[0], ijk[1], ijk[2]), 1e-5,
        "voxel (" + ijk[0] + ", " + ijk[1] + ", " + ijk[2] + ")");
  }

  @Test
  void withoutQformOrSformScalesByPixdimFromTheOrigin() throws IOException {
    NiftiImage image = read(new NiftiTestFile().pixdim(1, 2, 3, 4));
    assertEquals(NiftiGeometry.Method.PIXDIM, NiftiGeometry.method(image.header()));
    // RAS (2i, 3j, 4k) is LPS (-2i, -3j, 4k)
    assertTrue(image.grid().affine().approximatelyEquals(
        Affine.of(new double[] {-2, 0, 0, 0, 0, -3, 0, 0, 0, 0, 4, 0}), 1e-12));
  }

  @Test
  void qformRotatedNinetyDegreesAboutZ() throws IOException {
    // quaternion (a, b, c, d) = (cos 45°, 0, 0, sin 45°):
    // RAS x = -3j + 10, y = 2i + 20, z = 4k + 30
    NiftiImage image = read(new NiftiTestFile().pixdim(1, 2, 3, 4)
        .qform(1, 0, 0, SIN45, 10, 20, 30));
    Affine a = image.grid().affine();
    assertEquals(NiftiGeometry.Method.QFORM, NiftiGeometry.method(image.header()));
    assertMapsTo(a, new double[] {0, 0, 0}, new double[] {-10, -20, 30});
    assertMapsTo(a, new double[] {1, 0, 0}, new double[] {-10, -22, 30});
    assertMapsTo(a, new double[] {0, 1, 0}, new double[] {-7, -20, 30});
    assertMapsTo(a, new double[] {0, 0, 1}, new double[] {-10, -20, 34});
  }

  @Test
  void qfacMinusOneFlipsTheSliceAxis() throws IOException {
    Affine a = read(new NiftiTestFile().pixdim(-1, 2, 3, 4).qform(1, 0, 0, 0, 0, 0, 0))
        .grid().affine();
    assertMapsTo(a, new double[] {0, 0, 1}, new double[] {0, 0, -4});
    assertTrue(a.determinant() < 0); // flipping x and y (RAS to LPS) keeps a left-handed frame so
  }

  @Test
  void halfTurnAboutZIsTheIdentityOrientationInLps() throws IOException {
    // how scanner-converted files often look (the IBSI STS files do): quaternion (0, 0, 0, 1)
    Affine a = read(new NiftiTestFile().pixdim(1, 4.6875f, 4.6875f, 3.27f)
        .qform(1, 0, 0, 1, 21.09375f, 86.71875f, -881.3f)).grid().affine();
    assertTrue(a.approximatelyEquals(
        Affine.axisAligned(4.6875, 4.6875, 3.27, -21.09375, -86.71875, -881.3), 1e-4), a::toString);
  }

  @Test
  void sformIsPreferredOverQform() throws IOException {
    NiftiImage image = read(new NiftiTestFile().pixdim(1, 2, 2, 2)
        .qform(1, 0, 0, SIN45, 100, 100, 100)
        .sform(2, 0, 0, 3, 1, 0, 2, 0, 2, 1, 0, 0, 3));
    assertEquals(NiftiGeometry.Method.SFORM, NiftiGeometry.method(image.header()));
    // RAS (3k + 1, 2j + 2, i + 3)
    Affine expected = Affine.of(new double[] {0, 0, -3, -1, 0, -2, 0, -2, 1, 0, 0, 3});
    assertTrue(image.grid().affine().approximatelyEquals(expected, 1e-12),
        image.grid().affine()::toString);
  }

  @Test
  void srowIsIgnoredWhenSformCodeIsZero() throws IOException {
    NiftiImage image = read(new NiftiTestFile().pixdim(1, 2, 2, 2).qform(1, 0, 0, 0, 5, 6, 7)
        .sform(0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
    assertTrue(image.grid().affine().approximatelyEquals(
        Affine.axisAligned(-2, -2, 2, -5, -6, 7), 1e-12), image.grid().affine()::toString);
  }

  @Test
  void convertsMetresToMillimetres() throws IOException {
    NiftiImage image = read(new NiftiTestFile().xyztUnits(1 | 8).pixdim(1, 0.002f, 0.002f, 0.003f)
        .sform(1, 0.002f, 0, 0, 0.1f, 0, 0.002f, 0, -0.2f, 0, 0, 0.003f, 0.05f));
    assertEquals(NiftiSpatialUnit.METRE, image.header().spatialUnit());
    assertTrue(image.grid().affine().approximatelyEquals(
        Affine.axisAligned(-2, -2, 3, -100, 200, 50), 1e-4), image.grid().affine()::toString);
  }

  @Test
  void convertsMicrometresToMillimetres() throws IOException {
    NiftiImage image = read(new NiftiTestFile().xyztUnits(3).pixdim(1, 500, 250, 1000));
    assertEquals(0.5, image.grid().spacing(0), 1e-12);
    assertEquals(0.25, image.grid().spacing(1), 1e-12);
    assertEquals(1.0, image.grid().spacing(2), 1e-12);
  }

  @Test
  void readsAnUnknownSpatialUnitAsMillimetres() throws IOException {
    NiftiImage image = read(new NiftiTestFile().xyztUnits(0).pixdim(1, 2, 2, 5));
    assertEquals(NiftiSpatialUnit.UNKNOWN, image.header().spatialUnit());
    assertEquals(5.0, image.grid().spacing(2), 1e-12);
  }
}
