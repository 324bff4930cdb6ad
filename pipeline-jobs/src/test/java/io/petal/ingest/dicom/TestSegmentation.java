package io.petal.ingest.dicom;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFixture;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.VR;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small DICOM Segmentation files for tests, as a SEG writer would: frames in the
 * geometry of an image grid (orientation and pixel spacing shared, position and segment per
 * frame), 1-bit packed pixel data for BINARY, 8-bit for FRACTIONAL.
 */
final class TestSegmentation {
  static final String FRAME_OF_REFERENCE = "1.2.826.0.1.3680043.2.1125.2";
  static final String SOURCE = "test-SEG.dcm";

  private final ImageGrid grid;
  private final List<DicomFixture> segments = new ArrayList<>();
  private final List<DicomFixture> frameGroups = new ArrayList<>();
  private final List<int[]> frames = new ArrayList<>();
  private int maxFractionalValue; // 0: BINARY
  private boolean spacingBetweenSlices = true;
  private double sliceThicknessMm;

  /** A SEG whose frames lie on the slices of {@code grid}. */
  TestSegmentation(ImageGrid grid) {
    this.grid = grid;
    this.sliceThicknessMm = grid.spacing(2);
  }

  /** A BINARY SEG of one segment, with a frame for every slice of {@code mask} holding voxels. */
  static TestSegmentation ofMask(Volume mask, int segmentNumber, String label) {
    TestSegmentation seg = new TestSegmentation(mask.grid()).segment(segmentNumber, label);
    for (int k = 0; k < mask.grid().nz(); k++) {
      float[] slice = mask.slice(k);
      int[] stored = new int[slice.length];
      boolean any = false;
      for (int v = 0; v < slice.length; v++) {
        stored[v] = slice[v] > 0.5f ? 1 : 0;
        any |= stored[v] == 1;
      }
      if (any) {
        seg.frame(segmentNumber, k, stored);
      }
    }
    return seg;
  }

  /** Declares segment {@code number} called {@code label}. */
  TestSegmentation segment(int number, String label) {
    segments.add(new DicomFixture()
        .us(DicomTags.SEGMENT_NUMBER, number)
        .text(DicomTags.SEGMENT_LABEL, VR.LO, label)
        .text(DicomTags.SEGMENT_ALGORITHM_TYPE, VR.CS, "MANUAL"));
    return this;
  }

  /** Adds a frame of {@code segment} on slice {@code k}: stored values, x-fastest, nx·ny. */
  TestSegmentation frame(int segment, int k, int[] stored) {
    if (stored.length != grid.sliceSize()) {
      throw new IllegalArgumentException("a frame has " + grid.sliceSize() + " pixels");
    }
    frameGroups.add(new DicomFixture()
        .sequence(DicomTags.PLANE_POSITION_SEQUENCE, new DicomFixture()
            .ds(DicomTags.IMAGE_POSITION_PATIENT, grid.affine().apply(0, 0, k)))
        .sequence(DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE, new DicomFixture()
            .us(DicomTags.REFERENCED_SEGMENT_NUMBER, segment)));
    frames.add(stored.clone());
    return this;
  }

  /** The per-frame functional groups item of frame {@code index} (0-based), to alter. */
  DicomFixture frameGroups(int index) {
    return frameGroups.get(index);
  }

  /** Makes this a FRACTIONAL SEG whose stored values run up to {@code max} (8-bit). */
  TestSegmentation fractional(int max) {
    this.maxFractionalValue = max;
    return this;
  }

  /** Leaves SpacingBetweenSlices out (SliceThickness stays). */
  TestSegmentation withoutSpacingBetweenSlices() {
    this.spacingBetweenSlices = false;
    return this;
  }

  /** Writes SliceThickness {@code mm} instead of the grid's slice spacing. */
  TestSegmentation sliceThickness(double mm) {
    this.sliceThicknessMm = mm;
    return this;
  }

  /** The dataset, without reading it back. */
  DicomFixture dataset() {
    Affine a = grid.affine();
    double[] orientation = new double[6];
    for (int r = 0; r < 3; r++) {
      orientation[r] = a.get(r, 0) / grid.spacing(0);
      orientation[3 + r] = a.get(r, 1) / grid.spacing(1);
    }
    DicomFixture measures = new DicomFixture()
        .ds(DicomTags.PIXEL_SPACING, grid.spacing(1), grid.spacing(0))
        .ds(DicomTags.SLICE_THICKNESS, sliceThicknessMm);
    if (spacingBetweenSlices) {
      measures.ds(DicomTags.SPACING_BETWEEN_SLICES, grid.spacing(2));
    }
    boolean binary = maxFractionalValue == 0;
    DicomFixture seg = new DicomFixture()
        .text(DicomTags.SOP_CLASS_UID, VR.UI, DicomSegRasterizer.SEGMENTATION_STORAGE)
        .text(DicomTags.MODALITY, VR.CS, "SEG")
        .text(DicomTags.FRAME_OF_REFERENCE_UID, VR.UI, FRAME_OF_REFERENCE)
        .text(DicomTags.SEGMENTATION_TYPE, VR.CS, binary ? "BINARY" : "FRACTIONAL")
        .us(DicomTags.SAMPLES_PER_PIXEL, 1)
        .text(DicomTags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2")
        .is(DicomTags.NUMBER_OF_FRAMES, frames.size())
        .us(DicomTags.ROWS, grid.ny())
        .us(DicomTags.COLUMNS, grid.nx())
        .us(DicomTags.BITS_ALLOCATED, binary ? 1 : 8)
        .us(DicomTags.BITS_STORED, binary ? 1 : 8)
        .us(DicomTags.HIGH_BIT, binary ? 0 : 7)
        .us(DicomTags.PIXEL_REPRESENTATION, 0)
        .sequence(DicomTags.SEGMENT_SEQUENCE, segments.toArray(DicomFixture[]::new))
        .sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, new DicomFixture()
            .sequence(DicomTags.PLANE_ORIENTATION_SEQUENCE, new DicomFixture()
                .ds(DicomTags.IMAGE_ORIENTATION_PATIENT, orientation))
            .sequence(DicomTags.PIXEL_MEASURES_SEQUENCE, measures))
        .sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE,
            frameGroups.toArray(DicomFixture[]::new))
        .bytes(DicomTags.PIXEL_DATA, VR.OB, binary ? packBits() : bytes());
    if (!binary) {
      seg.text(DicomTags.SEGMENTATION_FRACTIONAL_TYPE, VR.CS, "PROBABILITY")
          .us(DicomTags.MAXIMUM_FRACTIONAL_VALUE, maxFractionalValue);
    }
    return seg;
  }

  /** The file as {@link io.petal.io.dicom.DicomReader} reads it. */
  DicomFile read() throws DicomFormatException {
    return dataset().read(SOURCE);
  }

  /** All frames' pixels one bit each, least significant bit first, frames not byte-aligned. */
  private byte[] packBits() {
    long bits = (long) frames.size() * grid.sliceSize();
    byte[] packed = new byte[(int) ((bits + 15) / 16 * 2)]; // padded to an even length
    int bit = 0;
    for (int[] frame : frames) {
      for (int v : frame) {
        if (v != 0) {
          packed[bit >>> 3] |= (byte) (1 << (bit & 7));
        }
        bit++;
      }
    }
    return packed;
  }

  private byte[] bytes() {
    byte[] out = new byte[(frames.size() * grid.sliceSize() + 1) / 2 * 2];
    int b = 0;
    for (int[] frame : frames) {
      for (int v : frame) {
        out[b++] = (byte) v;
      }
    }
    return out;
  }
}
