package io.petal.ingest.dicom;

import static io.petal.ingest.dicom.SyntheticSeries.AXIAL;
import static io.petal.ingest.dicom.SyntheticSeries.COLUMNS;
import static io.petal.ingest.dicom.SyntheticSeries.PIXEL_SPACING;
import static io.petal.ingest.dicom.SyntheticSeries.ROWS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.Volume;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomTags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stacking synthetic DICOM planes: order, direction, geometry and the rejections of broken stacks. */
class DicomSeriesAssemblerTest {

  @Test
  void shuffledFilesGiveTheSameVolumeOrderedByPosition() throws Exception {
    List<DicomFile> files = SyntheticSeries.axialStack(6, -40, 3.0);
    DicomSeries ordered = DicomSeriesAssembler.assemble(files);
    List<DicomFile> shuffled = new ArrayList<>(files);
    Collections.shuffle(shuffled, new Random(7));
    DicomSeries fromShuffled = DicomSeriesAssembler.assemble(shuffled);

    assertArrayEquals(ordered.volume().data(), fromShuffled.volume().data());
    assertArrayEquals(ordered.volume().grid().affine().rowMajor3x4(),
        fromShuffled.volume().grid().affine().rowMajor3x4(), 1e-12);
    assertEquals("1.2.3.4.9", fromShuffled.frameOfReferenceUid());
    Volume v = fromShuffled.volume();
    assertEquals(List.of(COLUMNS, ROWS, 6), List.of(v.grid().nx(), v.grid().ny(), v.grid().nz()));
    for (int k = 0; k < 6; k++) {
      assertEquals("slice" + k + ".dcm", fromShuffled.slices().get(k).source());
      assertEquals(SyntheticSeries.stored(k, 2, 3), v.get(3, 2, k)); // i = column, j = row
    }
    assertPoint(new double[] {-10 + 3 * 1.5, 20 + 2 * 2.0, -40 + 5 * 3.0}, v.grid().affine().apply(3, 2, 5));
  }

  @Test
  void slicesRunAlongTheNormalWhateverTheFileAndInstanceOrder() throws Exception {
    // file names and InstanceNumbers run head to feet: the volume still starts at the lowest z
    List<DicomFile> files = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      files.add(SyntheticSeries.read(SyntheticSeries.plane(n, new double[] {0, 0, 30 - 5.0 * n}, AXIAL),
          "IM" + n + ".dcm"));
    }
    DicomSeries s = DicomSeriesAssembler.assemble(files);
    Affine a = s.volume().grid().affine();
    assertPoint(new double[] {0, 0, 15}, a.apply(0, 0, 0));
    assertPoint(new double[] {0, 0, 30}, a.apply(0, 0, 3));
    assertEquals(SyntheticSeries.stored(3, 0, 0), s.volume().get(0, 0, 0));
    assertEquals(SyntheticSeries.stored(0, 0, 0), s.volume().get(0, 0, 3));

    // a column direction towards anterior flips the normal to -z: k then runs head to feet
    double[] flipped = {1, 0, 0, 0, -1, 0};
    List<DicomFile> feetFirst = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      feetFirst.add(SyntheticSeries.read(SyntheticSeries.plane(n, new double[] {0, 0, 5.0 * n}, flipped),
          "IM" + n + ".dcm"));
    }
    DicomSeries f = DicomSeriesAssembler.assemble(feetFirst);
    assertPoint(new double[] {0, 0, 15}, f.volume().grid().affine().apply(0, 0, 0));
    assertPoint(new double[] {1.5, -2.0, 10}, f.volume().grid().affine().apply(1, 1, 1));
    assertEquals(SyntheticSeries.stored(3, 0, 0), f.volume().get(0, 0, 0));
  }

  @Test
  void obliqueStackGetsTheFullAffine() throws Exception {
    double a = Math.toRadians(20);
    double b = Math.toRadians(35);
    double[] row = {Math.cos(a), Math.sin(a), 0};
    double[] col = {-Math.sin(a) * Math.cos(b), Math.cos(a) * Math.cos(b), Math.sin(b)};
    double[] normal = cross(row, col);
    double[] origin = {12.5, -40, 100};
    double spacing = 4.25;
    List<DicomFile> files = new ArrayList<>();
    for (int k = 4; k >= 0; k--) {
      double[] p = {origin[0] + k * spacing * normal[0], origin[1] + k * spacing * normal[1],
          origin[2] + k * spacing * normal[2]};
      files.add(SyntheticSeries.read(SyntheticSeries.plane(k, p,
          new double[] {row[0], row[1], row[2], col[0], col[1], col[2]}), "o" + k + ".dcm"));
    }
    Affine affine = DicomSeriesAssembler.assemble(files).volume().grid().affine();
    for (int[] ijk : new int[][] {{0, 0, 0}, {3, 0, 0}, {0, 2, 0}, {3, 2, 4}, {1, 1, 2}}) {
      double[] expected = new double[3];
      for (int x = 0; x < 3; x++) {
        expected[x] = origin[x] + ijk[0] * PIXEL_SPACING[1] * row[x] + ijk[1] * PIXEL_SPACING[0] * col[x]
            + ijk[2] * spacing * normal[x];
      }
      assertPoint(expected, affine.apply(ijk[0], ijk[1], ijk[2]));
    }
    assertEquals(spacing, affine.spacing(2), 1e-9);
    assertEquals(PIXEL_SPACING[1] * PIXEL_SPACING[0] * spacing, affine.determinant(), 1e-9);
  }

  @Test
  void eachSliceKeepsItsOwnRescale() throws Exception {
    List<DicomFile> files = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      files.add(SyntheticSeries.read(SyntheticSeries.plane(k, new double[] {0, 0, 2.0 * k}, AXIAL)
          .ds(DicomTags.RESCALE_SLOPE, 0.5 * (k + 1)).ds(DicomTags.RESCALE_INTERCEPT, -1000), "r" + k + ".dcm"));
    }
    Volume v = DicomSeriesAssembler.assemble(files).volume();
    for (int k = 0; k < 3; k++) {
      assertEquals(SyntheticSeries.stored(k, 1, 2) * 0.5 * (k + 1) - 1000, v.get(2, 1, k), 1e-3);
    }
  }

  @Test
  void enhancedMultiFrameFileIsStackedByItsPerFramePositions() throws Exception {
    int[] tags = {2, 0, 1};
    double[][] positions = {{0, 0, 7}, {0, 0, 1}, {0, 0, 4}};
    DicomFile file = SyntheticSeries.read(SyntheticSeries.multiFrame(tags, positions, AXIAL), "enhanced.dcm");
    DicomSeries s = DicomSeriesAssembler.assemble(List.of(file));
    assertEquals(3, s.volume().grid().nz());
    for (int k = 0; k < 3; k++) {
      assertEquals(SyntheticSeries.stored(k, 2, 1), s.volume().get(1, 2, k));
    }
    assertEquals("enhanced.dcm frame 2", s.slices().get(0).source());
    assertEquals(3.0, s.volume().grid().affine().spacing(2), 1e-12);
  }

  @Test
  void duplicatePositionIsRejectedNamingBothFiles() throws Exception {
    List<DicomFile> files = new ArrayList<>(SyntheticSeries.axialStack(4, 0, 2.5));
    files.add(SyntheticSeries.read(SyntheticSeries.plane(9, new double[] {-10, 20, 5.0}, AXIAL), "copy.dcm"));
    String m = reject(files);
    assertTrue(m.startsWith("duplicate slices at z = 5.00 mm: files "), m);
    assertTrue(m.contains("slice2.dcm") && m.contains("copy.dcm"), m);
  }

  @Test
  void missingSliceIsRejectedNamingItsPosition() throws Exception {
    List<DicomFile> files = new ArrayList<>(SyntheticSeries.axialStack(6, -10, 2.5));
    files.remove(3); // z = -2.5
    String m = reject(files);
    assertTrue(m.startsWith("missing slice at z = -2.50 mm"), m);
    assertTrue(m.contains("slice2.dcm (z = -5.00 mm)") && m.contains("slice4.dcm (z = 0.00 mm)"), m);
  }

  @Test
  void unevenSpacingIsRejected() throws Exception {
    List<DicomFile> files = new ArrayList<>(SyntheticSeries.axialStack(5, 0, 3.0));
    files.add(SyntheticSeries.read(SyntheticSeries.plane(7, new double[] {-10, 20, 13.0}, AXIAL), "odd.dcm"));
    String m = reject(files);
    assertTrue(m.startsWith("uneven slice spacing: 1.00 mm between slice4.dcm"), m);
  }

  @Test
  void zeroSliceSpacingIsRejected() throws Exception {
    String m = reject(SyntheticSeries.axialStack(3, 12, 0.0));
    assertTrue(m.startsWith("zero slice spacing: all 3 slices lie at z = 12.00 mm"), m);

    DicomFile single = SyntheticSeries.read(SyntheticSeries.plane(0, new double[] {0, 0, 0}, AXIAL)
        .ds(DicomTags.SLICE_THICKNESS, 0.0), "single.dcm");
    String s = reject(List.of(single));
    assertTrue(s.contains("single.dcm is a single slice with zero slice spacing"), s);
  }

  @Test
  void singleSliceTakesItsThickness() throws Exception {
    DicomFile single = SyntheticSeries.read(SyntheticSeries.plane(0, new double[] {0, 0, 0}, AXIAL), "one.dcm");
    assertEquals(2.5, DicomSeriesAssembler.assemble(List.of(single)).volume().grid().spacing(2), 1e-12);
  }

  @Test
  void slicesOfAnotherOrientationOrSizeAreRejected() throws Exception {
    List<DicomFile> files = new ArrayList<>(SyntheticSeries.axialStack(3, 0, 2.0));
    double[] sagittal = {0, 1, 0, 0, 0, -1};
    files.add(SyntheticSeries.read(SyntheticSeries.plane(3, new double[] {-10, 20, 6}, sagittal), "sagittal.dcm"));
    String m = reject(files);
    assertTrue(m.startsWith("slices differ in ImageOrientationPatient") && m.contains("sagittal.dcm"), m);

    List<DicomFile> spaced = new ArrayList<>(SyntheticSeries.axialStack(3, 0, 2.0));
    spaced.add(SyntheticSeries.read(SyntheticSeries.plane(3, new double[] {-10, 20, 6}, AXIAL)
        .ds(DicomTags.PIXEL_SPACING, 2.0, 2.0), "other.dcm"));
    assertTrue(reject(spaced).startsWith("slices differ in PixelSpacing"));
  }

  @Test
  void slicesOffTheLineAreRejected() throws Exception {
    List<DicomFile> files = new ArrayList<>(SyntheticSeries.axialStack(3, 0, 2.0));
    files.add(SyntheticSeries.read(SyntheticSeries.plane(3, new double[] {30, 20, 6}, AXIAL), "shifted.dcm"));
    String m = reject(files);
    assertTrue(m.contains("off the line") && m.contains("slice"), m);
  }

  @Test
  void differentFramesOfReferenceInOneSeriesAreRejected() throws Exception {
    List<DicomFile> files = new ArrayList<>(SyntheticSeries.axialStack(2, 0, 2.0));
    files.add(SyntheticSeries.read(SyntheticSeries.plane(2, new double[] {-10, 20, 4}, AXIAL)
        .text(DicomTags.FRAME_OF_REFERENCE_UID, io.petal.io.dicom.VR.UI, "9.9"), "other.dcm"));
    assertTrue(reject(files).contains("different frames of reference"));
  }

  private static String reject(List<DicomFile> files) {
    return assertThrows(StudyRejectedException.class, () -> DicomSeriesAssembler.assemble(files)).getMessage();
  }

  private static void assertPoint(double[] expected, double[] actual) {
    assertArrayEquals(expected, actual, 1e-9);
  }

  private static double[] cross(double[] r, double[] c) {
    return new double[] {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
  }
}
