package io.petal.io.dicom;

/**
 * The layout of a single-channel image's pixel data, read from the Image Pixel module and checked
 * against the pixel data element: {@code rows} x {@code columns} pixels per frame, {@code frames}
 * frames, each pixel {@code bitsAllocated} bits (1, 8, 16 or 32 for integers; 32 or 64 for float
 * pixel data) of which {@code bitsStored} bits ending at {@code highBit} carry the value, signed
 * (two's complement) when {@code signed}.
 */
public record PixelFormat(int rows, int columns, int frames, int bitsAllocated, int bitsStored,
    int highBit, boolean signed, boolean floatData) {

  /** Pixels in one frame (rows x columns). */
  public int frameSize() {
    return rows * columns;
  }

  /** Bytes the pixel data must hold: all frames, bits packed for BitsAllocated 1. */
  public long expectedBytes() {
    long bits = (long) rows * columns * frames * bitsAllocated;
    return (bits + 7) / 8;
  }

  /**
   * The format of {@code dataset}'s pixel data element {@code pixels}.
   *
   * @throws DicomFormatException when an attribute is missing or unsupported (SamplesPerPixel not
   *     1, BitsAllocated not 1/8/16/32, BitsStored/HighBit out of range) or the element's length
   *     does not match rows x columns x frames x BitsAllocated
   */
  static PixelFormat of(DicomObject dataset, DicomElement pixels) throws DicomFormatException {
    String source = dataset.source();
    int samples = dataset.getInt(DicomTags.SAMPLES_PER_PIXEL, 1);
    if (samples != 1) {
      throw new DicomFormatException(source, "SamplesPerPixel is " + samples + " ("
          + dataset.getString(DicomTags.PHOTOMETRIC_INTERPRETATION, "?") + "); only single-channel"
          + " (grayscale) images are supported");
    }
    int rows = dataset.requireInt(DicomTags.ROWS);
    int columns = dataset.requireInt(DicomTags.COLUMNS);
    int frames = dataset.getInt(DicomTags.NUMBER_OF_FRAMES, 1);
    if (rows <= 0 || columns <= 0 || frames <= 0) {
      throw new DicomFormatException(source, "image size must be positive: Rows " + rows
          + ", Columns " + columns + ", NumberOfFrames " + frames);
    }
    if ((long) rows * columns > Integer.MAX_VALUE - 8) {
      throw new DicomFormatException(source, "a frame of " + rows + "x" + columns
          + " pixels is too large");
    }
    PixelFormat format = pixels.tag() == DicomTags.PIXEL_DATA
        ? integerFormat(dataset, rows, columns, frames)
        : new PixelFormat(rows, columns, frames, pixels.vr().binarySize() * 8,
            pixels.vr().binarySize() * 8, pixels.vr().binarySize() * 8 - 1, true, true);
    format.requireLength(pixels, source);
    return format;
  }

  private static PixelFormat integerFormat(DicomObject ds, int rows, int columns, int frames)
      throws DicomFormatException {
    String source = ds.source();
    int allocated = ds.requireInt(DicomTags.BITS_ALLOCATED);
    if (allocated != 1 && allocated != 8 && allocated != 16 && allocated != 32) {
      throw new DicomFormatException(source, "BitsAllocated " + allocated + " is not supported"
          + " (1, 8, 16 or 32)");
    }
    int stored = ds.getInt(DicomTags.BITS_STORED, allocated);
    int highBit = ds.getInt(DicomTags.HIGH_BIT, stored - 1);
    if (stored < 1 || stored > allocated || highBit < stored - 1 || highBit >= allocated) {
      throw new DicomFormatException(source, "inconsistent BitsAllocated " + allocated
          + ", BitsStored " + stored + ", HighBit " + highBit);
    }
    int representation = ds.getInt(DicomTags.PIXEL_REPRESENTATION, 0);
    if (representation != 0 && representation != 1) {
      throw new DicomFormatException(source, "PixelRepresentation must be 0 or 1, not "
          + representation);
    }
    return new PixelFormat(rows, columns, frames, allocated, stored, highBit,
        representation == 1, false);
  }

  private void requireLength(DicomElement pixels, String source) throws DicomFormatException {
    long expected = expectedBytes();
    long actual = pixels.length();
    // Values are padded to an even length, so one extra byte is expected when the size is odd.
    if (actual != expected && actual != expected + (expected & 1)) {
      throw new DicomFormatException(source, pixels.describe() + " has " + actual
          + " bytes, but Rows " + rows + " x Columns " + columns + " x NumberOfFrames " + frames
          + " x BitsAllocated " + bitsAllocated + " needs " + expected);
    }
  }
}
