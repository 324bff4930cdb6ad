package io.petal.io.dicom;

/**
 * The decoded pixel data of a single-channel image (CT, PET, NM, MR, SEG): frames of
 * {@link #rows()} x {@link #columns()} values in x-fastest order (index {@code column + columns *
 * row}), stored values and modality-rescaled values per frame.
 *
 * <p>Rescaled value = stored value x RescaleSlope + RescaleIntercept, with the slope and intercept
 * of the frame (per-frame functional groups, shared functional groups, else the top-level
 * attributes; see {@link #rescaleSlope(int)}). Units are those the dataset states (HU for CT,
 * Units (0054,1001) for PET). Float pixel data (7FE0,0008 / 7FE0,0009) is returned as stored.
 */
public final class DicomPixels {
  private final String source;
  private final PixelFormat format;
  private final StoredPixelDecoder decoder;
  /** Null for float pixel data, which has no modality rescale. */
  private final FrameRescale rescale;

  private DicomPixels(String source, PixelFormat format, StoredPixelDecoder decoder,
      FrameRescale rescale) {
    this.source = source;
    this.format = format;
    this.decoder = decoder;
    this.rescale = rescale;
  }

  /**
   * The pixels of {@code file}.
   *
   * @throws DicomFormatException for compressed transfer syntaxes (naming the syntax), missing or
   *     inconsistent pixel attributes, multi-channel images, or a pixel data length that does not
   *     match rows x columns x frames
   */
  public static DicomPixels of(DicomFile file) throws DicomFormatException {
    String source = file.source();
    DicomObject ds = file.dataset();
    file.transferSyntax().requireNativePixelData(source);
    DicomElement pixels = pixelElement(ds);
    if (pixels.isEncapsulated()) {
      throw new DicomFormatException(source, "pixel data is encapsulated although the transfer"
          + " syntax " + file.transferSyntax() + " is native");
    }
    PixelFormat format = PixelFormat.of(ds, pixels);
    FrameRescale rescale = format.floatData() ? null : FrameRescale.of(ds, format.frames());
    return new DicomPixels(source, format, new StoredPixelDecoder(format, pixels), rescale);
  }

  /** Rows (pixels along y). */
  public int rows() {
    return format.rows();
  }

  /** Columns (pixels along x). */
  public int columns() {
    return format.columns();
  }

  /** Number of frames (NumberOfFrames, 1 when absent). */
  public int frames() {
    return format.frames();
  }

  /** The pixel layout (bits, sign, float). */
  public PixelFormat format() {
    return format;
  }

  /** RescaleSlope that applies to {@code frame} (0-based); 1 when the dataset has none. */
  public double rescaleSlope(int frame) {
    checkFrame(frame);
    return format.floatData() ? 1.0 : rescale.slope(frame);
  }

  /** RescaleIntercept that applies to {@code frame} (0-based); 0 when the dataset has none. */
  public double rescaleIntercept(int frame) {
    checkFrame(frame);
    return format.floatData() ? 0.0 : rescale.intercept(frame);
  }

  /**
   * Stored values of {@code frame} (0-based), {@code rows*columns} values, x fastest.
   *
   * @throws DicomFormatException for float pixel data, or unsigned 32-bit values beyond the int
   *     range (use {@link #frame(int)})
   */
  public int[] storedFrame(int frame) throws DicomFormatException {
    checkFrame(frame);
    if (format.floatData()) {
      throw new DicomFormatException(source, "float pixel data has no stored integer values");
    }
    int[] values = decoder.frame(frame);
    if (isUnsigned32()) {
      for (int v : values) {
        if (v < 0) {
          throw new DicomFormatException(source, "unsigned 32-bit stored value "
              + Integer.toUnsignedString(v) + " does not fit an int; use frame()");
        }
      }
    }
    return values;
  }

  /** Rescaled values of {@code frame} (0-based), {@code rows*columns} floats, x fastest. */
  public float[] frame(int frame) {
    checkFrame(frame);
    if (format.floatData()) {
      return decoder.floatFrame(frame);
    }
    int[] stored = decoder.frame(frame);
    double slope = rescale.slope(frame);
    double intercept = rescale.intercept(frame);
    float[] out = new float[stored.length];
    boolean unsigned32 = isUnsigned32();
    for (int i = 0; i < stored.length; i++) {
      double v = unsigned32 ? Integer.toUnsignedLong(stored[i]) : stored[i];
      out[i] = (float) (v * slope + intercept);
    }
    return out;
  }

  private boolean isUnsigned32() {
    return format.bitsStored() == 32 && !format.signed();
  }

  private void checkFrame(int frame) {
    if (frame < 0 || frame >= format.frames()) {
      throw new IndexOutOfBoundsException(source + ": frame " + frame + " of "
          + format.frames());
    }
  }

  private static DicomElement pixelElement(DicomObject ds) throws DicomFormatException {
    int[] candidates = {
      DicomTags.PIXEL_DATA, DicomTags.FLOAT_PIXEL_DATA, DicomTags.DOUBLE_FLOAT_PIXEL_DATA
    };
    for (int tag : candidates) {
      DicomElement e = ds.get(tag);
      if (e != null) {
        return e;
      }
    }
    throw new DicomFormatException(ds.source(), "has no pixel data (7FE0,0010), (7FE0,0008) or"
        + " (7FE0,0009)");
  }
}
