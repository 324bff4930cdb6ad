package io.petal.ingest.dicom;

import io.petal.image.ImageGrid;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFixture;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.VR;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small RT Structure Set files for tests: ROIs with contours given in a grid's voxel index
 * space (converted to patient mm with the grid's affine, as a planning system would store them).
 */
final class TestStructureSet {
  static final String FRAME_OF_REFERENCE = "1.2.826.0.1.3680043.2.1125.1";
  static final String SOURCE = "test-RS.dcm";

  private final List<DicomFixture> declared = new ArrayList<>();
  private final List<DicomFixture> contourSets = new ArrayList<>();

  /** Adds ROI {@code number} called {@code name} with {@code contours}. */
  TestStructureSet roi(int number, String name, DicomFixture... contours) {
    declared.add(new DicomFixture()
        .is(DicomTags.ROI_NUMBER, number)
        .text(DicomTags.REFERENCED_FRAME_OF_REFERENCE_UID, VR.UI, FRAME_OF_REFERENCE)
        .text(DicomTags.ROI_NAME, VR.LO, name));
    contourSets.add(new DicomFixture()
        .is(DicomTags.REFERENCED_ROI_NUMBER, number)
        .sequence(DicomTags.CONTOUR_SEQUENCE, contours));
    return this;
  }

  /**
   * A CLOSED_PLANAR contour on plane {@code k} (fractional slice index) of {@code grid} through
   * the in-plane index points (i0, j0, i1, j1, ...).
   */
  static DicomFixture closed(ImageGrid grid, double k, double... ij) {
    double[] mm = new double[ij.length / 2 * 3];
    for (int p = 0; p < ij.length / 2; p++) {
      System.arraycopy(grid.affine().apply(ij[2 * p], ij[2 * p + 1], k), 0, mm, 3 * p, 3);
    }
    return contour(RtContour.CLOSED_PLANAR, mm);
  }

  /** An axis-aligned rectangle [i0, i1] x [j0, j1] on plane {@code k}, as a closed contour. */
  static DicomFixture rectangle(ImageGrid grid, double k, double i0, double j0, double i1,
      double j1) {
    return closed(grid, k, i0, j0, i1, j0, i1, j1, i0, j1);
  }

  /** A contour of any geometric type from its ContourData (x, y, z triplets in mm). */
  static DicomFixture contour(String geometricType, double... pointsMm) {
    return new DicomFixture()
        .text(DicomTags.CONTOUR_GEOMETRIC_TYPE, VR.CS, geometricType)
        .is(DicomTags.NUMBER_OF_CONTOUR_POINTS, pointsMm.length / 3)
        .ds(DicomTags.CONTOUR_DATA, pointsMm);
  }

  /** The dataset, without reading it back. */
  DicomFixture dataset() {
    return new DicomFixture()
        .text(DicomTags.SOP_CLASS_UID, VR.UI, StructureSetReader.RT_STRUCTURE_SET_STORAGE)
        .text(DicomTags.MODALITY, VR.CS, "RTSTRUCT")
        .sequence(DicomTags.STRUCTURE_SET_ROI_SEQUENCE, declared.toArray(DicomFixture[]::new))
        .sequence(DicomTags.ROI_CONTOUR_SEQUENCE, contourSets.toArray(DicomFixture[]::new));
  }

  /** The file as {@link io.petal.io.dicom.DicomReader} reads it. */
  DicomFile read() throws DicomFormatException {
    return dataset().read(SOURCE);
  }
}
