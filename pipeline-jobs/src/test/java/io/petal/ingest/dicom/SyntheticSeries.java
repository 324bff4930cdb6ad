package io.petal.ingest.dicom;

import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.TestDicom;
import io.petal.io.dicom.TransferSyntax;
import io.petal.io.dicom.VR;
import java.util.ArrayList;
import java.util.List;

/**
 * Small synthetic DICOM images for series tests: {@value #ROWS} x {@value #COLUMNS} planes whose
 * stored value {@link #stored} says which plane (its tag) and which pixel they are, so a test can
 * check where every plane and pixel landed.
 */
final class SyntheticSeries {
  static final int ROWS = 3;
  static final int COLUMNS = 4;
  /** Axial orientation: rows along +x (L), columns along +y (P). */
  static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
  /** PixelSpacing: 2 mm between rows, 1.5 mm between columns. */
  static final double[] PIXEL_SPACING = {2.0, 1.5};

  private SyntheticSeries() {}

  /** Stored value of pixel (row r, column c) of the plane tagged {@code tag}. */
  static int stored(int tag, int r, int c) {
    return 100 * tag + 10 * r + c;
  }

  /** A single-frame CT image of plane {@code tag} at {@code position} with {@code orientation}. */
  static TestDicom plane(int tag, double[] position, double[] orientation) {
    return image(1, tag)
        .ds(DicomTags.IMAGE_POSITION_PATIENT, position)
        .ds(DicomTags.IMAGE_ORIENTATION_PATIENT, orientation)
        .ds(DicomTags.PIXEL_SPACING, PIXEL_SPACING)
        .ds(DicomTags.SLICE_THICKNESS, 2.5)
        .text(DicomTags.INSTANCE_NUMBER, VR.IS, Integer.toString(tag + 1));
  }

  /**
   * An enhanced multi-frame image: frame f shows plane {@code tags[f]} at {@code positions[f]},
   * orientation and pixel spacing in the shared functional groups.
   */
  static TestDicom multiFrame(int[] tags, double[][] positions, double[] orientation) {
    TestDicom[] perFrame = new TestDicom[tags.length];
    for (int f = 0; f < tags.length; f++) {
      perFrame[f] = new TestDicom().sequence(DicomTags.PLANE_POSITION_SEQUENCE,
          new TestDicom().ds(DicomTags.IMAGE_POSITION_PATIENT, positions[f]));
    }
    TestDicom shared = new TestDicom()
        .sequence(DicomTags.PLANE_ORIENTATION_SEQUENCE,
            new TestDicom().ds(DicomTags.IMAGE_ORIENTATION_PATIENT, orientation))
        .sequence(DicomTags.PIXEL_MEASURES_SEQUENCE, new TestDicom().ds(DicomTags.PIXEL_SPACING, PIXEL_SPACING));
    return image(tags.length, tags)
        .text(DicomTags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(tags.length))
        .sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, shared)
        .sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, perFrame);
  }

  /** Parses {@code image} as the file {@code name}. */
  static DicomFile read(TestDicom image, String name) throws DicomFormatException {
    return DicomReader.read(image.toPart10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false), name);
  }

  /** Axial planes tagged 0..n-1 at z = z0 + k * dz, parsed as files {@code slice<k>.dcm}. */
  static List<DicomFile> axialStack(int n, double z0, double dz) throws DicomFormatException {
    List<DicomFile> files = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      files.add(read(plane(k, new double[] {-10, 20, z0 + k * dz}, AXIAL), "slice" + k + ".dcm"));
    }
    return files;
  }

  private static TestDicom image(int frames, int... tags) {
    int[] words = new int[frames * ROWS * COLUMNS];
    int i = 0;
    for (int f = 0; f < frames; f++) {
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLUMNS; c++) {
          words[i++] = stored(tags[f], r, c);
        }
      }
    }
    return new TestDicom()
        .text(DicomTags.MODALITY, VR.CS, "CT")
        .text(DicomTags.SERIES_INSTANCE_UID, VR.UI, "1.2.3.4.5")
        .text(DicomTags.FRAME_OF_REFERENCE_UID, VR.UI, "1.2.3.4.9")
        .us(DicomTags.SAMPLES_PER_PIXEL, 1)
        .text(DicomTags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2")
        .us(DicomTags.ROWS, ROWS)
        .us(DicomTags.COLUMNS, COLUMNS)
        .us(DicomTags.BITS_ALLOCATED, 16)
        .us(DicomTags.BITS_STORED, 16)
        .us(DicomTags.HIGH_BIT, 15)
        .us(DicomTags.PIXEL_REPRESENTATION, 0)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, TestDicom.words(words));
  }
}
