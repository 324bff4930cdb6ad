package io.petal.ingest.dicom;

import static io.petal.ingest.dicom.TestStructureSet.closed;
import static io.petal.ingest.dicom.TestStructureSet.contour;
import static io.petal.ingest.dicom.TestStructureSet.rectangle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFixture;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.VR;
import org.junit.jupiter.api.Test;

/** Hand-checked contours on small grids: which voxel centres are filled, and what is refused. */
class RtStructRasterizerTest {
  /** 10 x 10 x 5 voxels of 2 x 2.5 x 3 mm, not at the origin. */
  private static final ImageGrid GRID =
      new ImageGrid(10, 10, 5, Affine.axisAligned(2, 2.5, 3, -40, 12.5, -300));

  @Test
  void squareFillsExactlyTheVoxelsWhoseCentresAreInside() throws Exception {
    Volume mask = rasterize(new TestStructureSet()
        .roi(1, "GTV", rectangle(GRID, 3, 1.5, 2.2, 6.5, 5.7)), RoiSelection.all());

    for (int k = 0; k < GRID.nz(); k++) {
      for (int j = 0; j < GRID.ny(); j++) {
        for (int i = 0; i < GRID.nx(); i++) {
          boolean inside = k == 3 && i > 1.5 && i < 6.5 && j > 2.2 && j < 5.7;
          assertEquals(inside ? 1f : 0f, mask.get(i, j, k), "voxel " + i + "," + j + "," + k);
        }
      }
    }
    assertEquals(5 * 3, MaskOverlap.count(mask));
  }

  @Test
  void concavePolygonMatchesTheClassicRayCrossingTestAtEveryCentre() throws Exception {
    // an arrow-like, concave outline with vertices off the voxel centres
    double[] ij = {0.3, 0.4, 8.7, 1.1, 4.1, 4.6, 9.2, 8.8, 0.6, 7.3, 2.4, 4.2};
    Volume mask = rasterize(new TestStructureSet().roi(1, "GTV", closed(GRID, 1, ij)),
        RoiSelection.all());

    int inside = 0;
    for (int j = 0; j < GRID.ny(); j++) {
      for (int i = 0; i < GRID.nx(); i++) {
        boolean expected = rayCrossingInside(ij, i, j);
        inside += expected ? 1 : 0;
        assertEquals(expected ? 1f : 0f, mask.get(i, j, 1), "voxel " + i + "," + j);
      }
    }
    assertTrue(inside > 20, "the polygon covers a real area: " + inside);
    assertEquals(inside, MaskOverlap.count(mask));
  }

  @Test
  void innerContourOfTheSameRoiLeavesAHoleAndAnIslandInsideItIsFilledAgain() throws Exception {
    Volume mask = rasterize(new TestStructureSet().roi(1, "GTV",
        rectangle(GRID, 2, 0.5, 0.5, 8.5, 8.5),
        rectangle(GRID, 2, 2.5, 2.5, 6.5, 6.5),
        rectangle(GRID, 2, 3.8, 3.8, 4.4, 4.4)), RoiSelection.all());

    for (int j = 1; j <= 8; j++) {
      for (int i = 1; i <= 8; i++) {
        boolean inHole = i >= 3 && i <= 6 && j >= 3 && j <= 6;
        boolean island = i == 4 && j == 4;
        assertEquals(!inHole || island ? 1f : 0f, mask.get(i, j, 2), "voxel " + i + "," + j);
      }
    }
    assertEquals(64 - 16 + 1, MaskOverlap.count(mask));
  }

  @Test
  void twoRoisFormAUnionByDefaultOrKeepTheirNumbersWithTheHigherWinning() throws Exception {
    TestStructureSet rs = new TestStructureSet()
        .roi(7, "GTV", rectangle(GRID, 1, 0.5, 0.5, 4.5, 4.5))
        .roi(3, "Node", rectangle(GRID, 1, 2.5, 2.5, 6.5, 6.5));

    Volume union = rasterize(rs, RoiSelection.all());
    Volume labelled = rasterize(rs, RoiSelection.all().labelledSeparately());

    assertEquals(16 + 16 - 4, MaskOverlap.count(union));
    assertEquals(1f, union.get(1, 1, 1));
    assertEquals(1f, union.get(6, 6, 1));
    assertEquals(1f, union.get(3, 3, 1));
    assertEquals(7f, labelled.get(1, 1, 1));
    assertEquals(3f, labelled.get(6, 6, 1));
    assertEquals(7f, labelled.get(3, 3, 1), "overlap keeps the higher ROI number");
    assertEquals(0f, labelled.get(6, 1, 1));
  }

  @Test
  void contourBetweenSlicesGoesToTheNearestAndOneBeyondTheGridIsSkipped() throws Exception {
    Volume mask = rasterize(new TestStructureSet().roi(1, "GTV",
        rectangle(GRID, 1.3, 0.5, 0.5, 1.5, 1.5),
        rectangle(GRID, 2.7, 4.5, 4.5, 5.5, 5.5),
        rectangle(GRID, -0.7, 7.5, 7.5, 8.5, 8.5),
        rectangle(GRID, 4.49, 7.5, 0.5, 8.5, 1.5)), RoiSelection.all());

    assertEquals(1f, mask.get(1, 1, 1));
    assertEquals(1f, mask.get(5, 5, 3));
    assertEquals(1f, mask.get(8, 1, 4));
    assertEquals(3, MaskOverlap.count(mask), "the contour 0.7 slices before slice 0 is skipped");
  }

  @Test
  void rotatedAndObliqueGridsFillTheSameVoxelsAsAnAxisAlignedOne() throws Exception {
    double c = Math.cos(Math.toRadians(30));
    double s = Math.sin(Math.toRadians(30));
    // rows along (c, s, 0), columns tilted out of the axial plane, slices along their normal
    double[] row = {c, s, 0};
    double[] col = {-s * c, c * c, s};
    double[] normal = {s * s, -s * c, c};
    ImageGrid oblique = new ImageGrid(10, 10, 5,
        Affine.fromDicom(row, col, normal, 2.5, 2, 3, new double[] {12, -7, 40}));
    TestStructureSet onOblique = new TestStructureSet().roi(1, "GTV",
        closed(oblique, 2, 1.2, 1.7, 7.6, 2.9, 5.1, 8.3),
        rectangle(oblique, 2, 3.5, 3.5, 4.5, 4.5));
    TestStructureSet onAxial = new TestStructureSet().roi(1, "GTV",
        closed(GRID, 2, 1.2, 1.7, 7.6, 2.9, 5.1, 8.3), rectangle(GRID, 2, 3.5, 3.5, 4.5, 4.5));

    Volume expected = rasterize(onAxial, RoiSelection.all());
    Volume mask = RtStructRasterizer.rasterize(onOblique.read(), oblique, RoiSelection.all());

    assertTrue(MaskOverlap.count(expected) > 10);
    assertArrayEquals(expected.data(), mask.data());
  }

  @Test
  void contourNotParallelToTheSlicesIsRejectedNamingFileRoiAndContour() throws Exception {
    double[] tilted = new double[12];
    double[][] corners = {{1, 1, 1}, {6, 1, 1}, {6, 6, 3}, {1, 6, 3}};
    for (int p = 0; p < 4; p++) {
      System.arraycopy(GRID.affine().apply(corners[p][0], corners[p][1], corners[p][2]), 0,
          tilted, 3 * p, 3);
    }
    TestStructureSet rs = new TestStructureSet().roi(4, "Tilted",
        rectangle(GRID, 1, 1, 1, 2, 2), contour(RtContour.CLOSED_PLANAR, tilted));

    StudyRejectedException e = assertThrows(StudyRejectedException.class,
        () -> rasterize(rs, RoiSelection.all()));
    assertTrue(e.getMessage().contains(TestStructureSet.SOURCE), e::getMessage);
    assertTrue(e.getMessage().contains("ROI 4 'Tilted' contour 2"), e::getMessage);
    assertTrue(e.getMessage().contains("not parallel"), e::getMessage);
  }

  @Test
  void roisAreSelectedByNameIgnoringCaseAndAnUnknownNameListsTheAvailableOnes()
      throws Exception {
    TestStructureSet rs = new TestStructureSet()
        .roi(1, "GTV_Mass", rectangle(GRID, 0, 0.5, 0.5, 2.5, 2.5))
        .roi(2, "Body", rectangle(GRID, 0, 0.5, 0.5, 9.5, 9.5));

    Volume gtv = rasterize(rs, RoiSelection.named("gtv_mass"));
    assertEquals(4, MaskOverlap.count(gtv));

    StudyRejectedException e = assertThrows(StudyRejectedException.class,
        () -> rasterize(rs, RoiSelection.named("Liver")));
    assertTrue(e.getMessage().contains("'Liver'"), e::getMessage);
    assertTrue(e.getMessage().contains("[GTV_Mass, Body]"), e::getMessage);
  }

  @Test
  void pointAndOpenContoursAreIgnored() throws Exception {
    double[] pointMm = GRID.affine().apply(5, 5, 1);
    double[] a = GRID.affine().apply(6, 6, 1);
    double[] b = GRID.affine().apply(9, 6, 1);
    double[] cc = GRID.affine().apply(9, 9, 1);
    Volume mask = rasterize(new TestStructureSet().roi(1, "GTV",
        rectangle(GRID, 1, 0.5, 0.5, 2.5, 2.5),
        contour("POINT", pointMm),
        contour("OPEN_PLANAR", a[0], a[1], a[2], b[0], b[1], b[2], cc[0], cc[1], cc[2])),
        RoiSelection.all());

    assertEquals(4, MaskOverlap.count(mask));
  }

  @Test
  void malformedFilesAreRejectedNamingFileAndProblem() {
    DicomFixture noContours = new TestStructureSet()
        .roi(1, "GTV", rectangle(GRID, 1, 0.5, 0.5, 2.5, 2.5)).dataset()
        .remove(DicomTags.ROI_CONTOUR_SEQUENCE);
    assertRejected(noContours, "no ROIContourSequence");

    DicomFixture oddCount = new TestStructureSet()
        .roi(1, "GTV", contour(RtContour.CLOSED_PLANAR, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).dataset();
    assertRejected(oddCount, "ROI 1 'GTV' contour 1 has 10 ContourData values");

    DicomFixture notRtStruct = new TestStructureSet().dataset()
        .text(DicomTags.MODALITY, VR.CS, "CT")
        .text(DicomTags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
    assertRejected(notRtStruct, "not an RT Structure Set");
  }

  @Test
  void frameOfReferenceOtherThanTheImagesIsRejected() throws Exception {
    TestStructureSet rs = new TestStructureSet()
        .roi(1, "GTV", rectangle(GRID, 1, 0.5, 0.5, 2.5, 2.5));

    StudyRejectedException e = assertThrows(StudyRejectedException.class,
        () -> RtStructRasterizer.rasterize(rs.read(), GRID, RoiSelection.all(), "1.2.3.999"));
    assertTrue(e.getMessage().contains("frame of reference"), e::getMessage);
    assertEquals(4, MaskOverlap.count(RtStructRasterizer.rasterize(rs.read(), GRID,
        RoiSelection.all(), TestStructureSet.FRAME_OF_REFERENCE)));
  }

  private static Volume rasterize(TestStructureSet rs, RoiSelection selection) throws Exception {
    return RtStructRasterizer.rasterize(rs.read(), GRID, selection);
  }

  private static void assertRejected(DicomFixture file, String reason) {
    StudyRejectedException e = assertThrows(StudyRejectedException.class,
        () -> RtStructRasterizer.rasterize(file.read(TestStructureSet.SOURCE), GRID,
            RoiSelection.all()));
    assertTrue(e.getMessage().startsWith(TestStructureSet.SOURCE), e::getMessage);
    assertTrue(e.getMessage().contains(reason), e::getMessage);
  }

  /** W. R. Franklin's PNPOLY: the even-odd ray-crossing test for one point. */
  private static boolean rayCrossingInside(double[] ij, double x, double y) {
    boolean inside = false;
    int n = ij.length / 2;
    for (int a = 0, b = n - 1; a < n; b = a++) {
      double xa = ij[2 * a];
      double ya = ij[2 * a + 1];
      double xb = ij[2 * b];
      double yb = ij[2 * b + 1];
      if ((ya > y) != (yb > y) && x < (xb - xa) * (y - ya) / (yb - ya) + xa) {
        inside = !inside;
      }
    }
    return inside;
  }
}
