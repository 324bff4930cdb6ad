package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFixture;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.VR;
import io.petal.io.nifti.NiftiReader;
import io.petal.testing.SharedData;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DICOM SEG files written from known masks come back as those masks: the STS_001 PET tumour
 * mask on its own grid and on shifted and finer grids, and small hand-made multi-segment,
 * sparse and fractional SEGs.
 */
class DicomSegRasterizerTest {
  /** 6 x 5 x 4 voxels of 2 x 3 x 4 mm. */
  private static final ImageGrid SMALL =
      new ImageGrid(6, 5, 4, Affine.axisAligned(2, 3, 4, 100, -50, 20));

  private static Volume petMask;

  @BeforeAll
  static void readPetMask() throws IOException {
    petMask = NiftiReader.read(SharedData.data("ibsi-sts/nifti/STS_001/PET_mask.nii.gz"))
        .volume();
  }

  @Test
  void segOfThePetMaskIsThatMaskOnThePetGrid() throws Exception {
    TestSegmentation seg = TestSegmentation.ofMask(petMask, 1, "GTV_Mass");

    Volume labels = DicomSegRasterizer.rasterize(seg.read(), petMask.grid(), RoiSelection.all(),
        TestSegmentation.FRAME_OF_REFERENCE);

    assertEquals(5095, MaskOverlap.count(labels));
    assertArrayEquals(petMask.data(), labels.data());
  }

  @Test
  void gridShiftedByWholeVoxelsGetsTheMaskShiftedBack() throws Exception {
    ImageGrid pet = petMask.grid();
    int di = 3;
    int dj = -2;
    int dk = 5;
    double[] origin = pet.affine().apply(di, dj, dk);
    double[] m = pet.affine().rowMajor3x4();
    m[3] = origin[0];
    m[7] = origin[1];
    m[11] = origin[2];
    ImageGrid shifted = new ImageGrid(35, 40, 50, Affine.of(m));

    Volume labels = DicomSegRasterizer.rasterize(
        TestSegmentation.ofMask(petMask, 1, "GTV_Mass").withoutSpacingBetweenSlices().read(),
        shifted, RoiSelection.all());

    for (int k = 0; k < shifted.nz(); k++) {
      for (int j = 0; j < shifted.ny(); j++) {
        for (int i = 0; i < shifted.nx(); i++) {
          int si = i + di;
          int sj = j + dj;
          int sk = k + dk;
          boolean inPet = si >= 0 && si < pet.nx() && sj >= 0 && sj < pet.ny() && sk >= 0
              && sk < pet.nz();
          float expected = inPet ? petMask.get(si, sj, sk) : 0f;
          assertEquals(expected, labels.get(i, j, k), "voxel " + i + "," + j + "," + k);
        }
      }
    }
    assertTrue(MaskOverlap.count(labels) > 4000, "most of the tumour is inside the shifted grid");
  }

  @Test
  void finerOffsetGridAgreesWithResamplingTheNiftiMaskItself() throws Exception {
    ImageGrid pet = petMask.grid();
    double[] m = pet.affine().rowMajor3x4();
    for (int r = 0; r < 3; r++) {
      double[] start = pet.affine().apply(-0.3, 0.2, 0.35);
      for (int c = 0; c < 3; c++) {
        m[r * 4 + c] *= 0.8;
      }
      m[r * 4 + 3] = start[r];
    }
    ImageGrid finer = new ImageGrid(50, 52, 70, Affine.of(m));

    Volume labels = DicomSegRasterizer.rasterize(
        TestSegmentation.ofMask(petMask, 1, "GTV_Mass").read(), finer, RoiSelection.all());
    Volume direct = Resampler.resample(petMask, finer, Interpolation.NEAREST, 0f);

    assertTrue(MaskOverlap.count(direct) > 5095, "the finer grid has more voxels in the tumour");
    assertArrayEquals(direct.data(), labels.data());
  }

  @Test
  void segmentsOnSparseShuffledFramesKeepTheirNumbersOrFormAUnion() throws Exception {
    int[] tumourA = square(0, 0, 3, 3);
    int[] tumourB = square(1, 1, 2, 2);
    int[] node = square(2, 2, 5, 4);
    TestSegmentation seg = new TestSegmentation(SMALL)
        .segment(2, "Tumour").segment(5, "Node")
        .frame(5, 1, node).frame(2, 3, tumourB).frame(2, 1, tumourA)
        .withoutSpacingBetweenSlices();

    Volume separate = DicomSegRasterizer.rasterize(seg.read(), SMALL,
        RoiSelection.all().labelledSeparately());
    Volume union = DicomSegRasterizer.rasterize(seg.read(), SMALL, RoiSelection.all());
    Volume tumour = DicomSegRasterizer.rasterize(seg.read(), SMALL, RoiSelection.named("tumour"));

    assertEquals(2f, separate.get(0, 0, 1));
    assertEquals(5f, separate.get(2, 2, 1), "overlap keeps the higher segment number");
    assertEquals(5f, separate.get(4, 3, 1));
    assertEquals(2f, separate.get(1, 1, 3));
    assertEquals(0f, separate.get(1, 1, 2), "no frame on slice 2");
    assertEquals(0f, separate.get(1, 1, 0), "no frame on slice 0");
    assertEquals(16 + 12 - 4 + 4, MaskOverlap.count(union), "union on slice 1 and slice 3");
    assertEquals(16 + 4, MaskOverlap.count(tumour));
    assertEquals(0f, tumour.get(4, 3, 1));
  }

  @Test
  void overlappingSlicesWithoutSpacingBetweenSlicesAreStackedByTheDistanceOfTheirPlanes()
      throws Exception {
    TestSegmentation seg = new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(1, 0, square(0, 0, 0, 0)).frame(1, 1, square(1, 1, 1, 1))
        .frame(1, 2, square(2, 2, 2, 2))
        .withoutSpacingBetweenSlices().sliceThickness(2.5 * SMALL.spacing(2));

    Volume labels = DicomSegRasterizer.rasterize(seg.read(), SMALL, RoiSelection.all());

    assertEquals(1f, labels.get(0, 0, 0));
    assertEquals(1f, labels.get(1, 1, 1));
    assertEquals(1f, labels.get(2, 2, 2));
    assertEquals(3, MaskOverlap.count(labels));
  }

  @Test
  void fractionalSegCountsPixelsOfAtLeastHalfTheMaximumAsInside() throws Exception {
    int[] values = new int[SMALL.sliceSize()];
    values[0] = 49;
    values[1] = 50;
    values[2] = 100;
    values[3] = 1;
    TestSegmentation seg = new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(1, 2, values).fractional(100);

    Volume labels = DicomSegRasterizer.rasterize(seg.read(), SMALL, RoiSelection.all());

    assertEquals(0f, labels.get(0, 0, 2));
    assertEquals(1f, labels.get(1, 0, 2));
    assertEquals(1f, labels.get(2, 0, 2));
    assertEquals(0f, labels.get(3, 0, 2));
    assertEquals(2, MaskOverlap.count(labels));
  }

  @Test
  void framesWithDifferentOrientationsAreRejected() {
    TestSegmentation seg = new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(1, 0, square(0, 0, 1, 1)).frame(1, 1, square(0, 0, 1, 1));
    seg.frameGroups(1).sequence(DicomTags.PLANE_ORIENTATION_SEQUENCE, new DicomFixture()
        .ds(DicomTags.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, 0, -1));

    assertRejected(seg.dataset(), "frame 2 has ImageOrientationPatient");
  }

  @Test
  void malformedSegsAreRejectedNamingFileAndProblem() {
    assertRejected(new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(3, 0, square(0, 0, 1, 1)).dataset(), "frame 1 refers to segment 3");

    TestSegmentation noPosition = new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(1, 0, square(0, 0, 1, 1));
    noPosition.frameGroups(0).remove(DicomTags.PLANE_POSITION_SEQUENCE);
    assertRejected(noPosition.dataset(), "PlanePositionSequence");

    TestSegmentation between = new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(1, 0, square(0, 0, 1, 1)).frame(1, 2, square(0, 0, 1, 1));
    between.frameGroups(1).sequence(DicomTags.PLANE_POSITION_SEQUENCE, new DicomFixture()
        .ds(DicomTags.IMAGE_POSITION_PATIENT, SMALL.affine().apply(0, 0, 1.5)));
    assertRejected(between.dataset(), "between the slice planes");

    assertRejected(new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(1, 0, square(0, 0, 1, 1)).dataset()
        .text(DicomTags.MODALITY, VR.CS, "CT")
        .text(DicomTags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2"),
        "not a DICOM Segmentation");
  }

  @Test
  void unknownSegmentNameAndForeignFrameOfReferenceAreRejected() throws Exception {
    TestSegmentation seg = new TestSegmentation(SMALL).segment(1, "Lesion")
        .frame(1, 0, square(0, 0, 1, 1));

    StudyRejectedException unknown = assertThrows(StudyRejectedException.class,
        () -> DicomSegRasterizer.rasterize(seg.read(), SMALL, RoiSelection.named("Liver")));
    assertTrue(unknown.getMessage().contains("no segment named 'Liver'"), unknown::getMessage);
    assertTrue(unknown.getMessage().contains("[Lesion]"), unknown::getMessage);

    StudyRejectedException foreign = assertThrows(StudyRejectedException.class,
        () -> DicomSegRasterizer.rasterize(seg.read(), SMALL, RoiSelection.all(), "1.2.3.999"));
    assertTrue(foreign.getMessage().contains("frame of reference"), foreign::getMessage);
  }

  /** Stored values of one SMALL frame: 1 on columns i0..i1 and rows j0..j1 (inclusive). */
  private static int[] square(int i0, int j0, int i1, int j1) {
    int[] v = new int[SMALL.sliceSize()];
    for (int j = j0; j <= j1; j++) {
      for (int i = i0; i <= i1; i++) {
        v[i + SMALL.nx() * j] = 1;
      }
    }
    return v;
  }

  private static void assertRejected(DicomFixture file, String reason) {
    StudyRejectedException e = assertThrows(StudyRejectedException.class,
        () -> DicomSegRasterizer.rasterize(file.read(TestSegmentation.SOURCE), SMALL,
            RoiSelection.all()));
    assertTrue(e.getMessage().startsWith(TestSegmentation.SOURCE), e::getMessage);
    assertTrue(e.getMessage().contains(reason), e::getMessage);
  }
}
