package io.petal.io.dicom;

import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transfer syntax: how a dataset after the file meta information is encoded (VR explicit or
 * implicit, byte order, deflate) and whether its pixel data is native or encapsulated
 * (compressed). The reader parses the header of every syntax known here; it decodes pixels only
 * of the four native ones.
 */
public final class TransferSyntax {
  /** 1.2.840.10008.1.2, the DICOM default. */
  public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false,
          false);
  /** 1.2.840.10008.1.2.1. */
  public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false,
          false);
  /** 1.2.840.10008.1.2.2 (retired, still found in archives). */
  public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false,
          false);
  /** 1.2.840.10008.1.2.1.99: explicit VR little endian, raw-deflated after the meta group. */
  public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true,
          false, true, false);

  private static final String COMPRESSED_PREFIX = "1.2.840.10008.1.2.4.";
  private static final Map<String, TransferSyntax> KNOWN = new LinkedHashMap<>();

  static {
    for (TransferSyntax ts :
        new TransferSyntax[] {
          IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN,
          DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN
        }) {
      KNOWN.put(ts.uid, ts);
    }
    compressed("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)");
    compressed("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)");
    compressed("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)");
    compressed("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction"
        + " (Process 14, Selection Value 1)");
    compressed("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless");
    compressed("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)");
    compressed("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)");
    compressed("1.2.840.10008.1.2.4.91", "JPEG 2000");
    compressed("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component (Lossless Only)");
    compressed("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component");
    compressed("1.2.840.10008.1.2.4.94", "JPIP Referenced");
    compressed("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate");
    compressed("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level");
    compressed("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level");
    compressed("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1");
    compressed("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile");
    compressed("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile For 2D Video");
    compressed("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile For 3D Video");
    compressed("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile");
    compressed("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile");
    compressed("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile");
    compressed("1.2.840.10008.1.2.4.110", "JPEG XL Lossless");
    compressed("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression");
    compressed("1.2.840.10008.1.2.4.112", "JPEG XL");
    compressed("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 (Lossless Only)");
    compressed("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options"
        + " (Lossless Only)");
    compressed("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000");
    compressed("1.2.840.10008.1.2.5", "RLE Lossless");
    compressed("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression");
  }

  private final String uid;
  private final String name;
  private final boolean explicitVr;
  private final boolean bigEndian;
  private final boolean deflated;
  private final boolean encapsulated;

  private TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian,
      boolean deflated, boolean encapsulated) {
    this.uid = uid;
    this.name = name;
    this.explicitVr = explicitVr;
    this.bigEndian = bigEndian;
    this.deflated = deflated;
    this.encapsulated = encapsulated;
  }

  private static void compressed(String uid, String name) {
    KNOWN.put(uid, new TransferSyntax(uid, name, true, false, false, true));
  }

  /**
   * The transfer syntax with {@code uid}. Unknown UIDs under the JPEG branch
   * 1.2.840.10008.1.2.4 are taken as some compressed syntax (explicit VR little endian, header
   * readable); any other unknown UID fails.
   *
   * @param source the file, for the error message
   */
  public static TransferSyntax forUid(String uid, String source) throws DicomFormatException {
    if (uid == null || uid.isEmpty()) {
      throw new DicomFormatException(source, "file meta information has no TransferSyntaxUID"
          + " (0002,0010)");
    }
    TransferSyntax ts = KNOWN.get(uid);
    if (ts != null) {
      return ts;
    }
    if (uid.startsWith(COMPRESSED_PREFIX)) {
      return new TransferSyntax(uid, "compressed transfer syntax", true, false, false, true);
    }
    throw new DicomFormatException(source, "unknown transfer syntax " + uid);
  }

  /** The UID, e.g. "1.2.840.10008.1.2.1". */
  public String uid() {
    return uid;
  }

  /** The standard name, e.g. "Explicit VR Little Endian". */
  public String name() {
    return name;
  }

  /** True when each element states its VR. */
  public boolean isExplicitVr() {
    return explicitVr;
  }

  /** Byte order of the dataset (the file meta group is always little endian). */
  public ByteOrder byteOrder() {
    return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
  }

  /** True when the dataset after the meta group is raw-deflated (RFC 1951, no zlib header). */
  public boolean isDeflated() {
    return deflated;
  }

  /** True for compressed (encapsulated) pixel data, which this reader does not decode. */
  public boolean isEncapsulated() {
    return encapsulated;
  }

  /**
   * Fails with a message naming this syntax when its pixel data is compressed.
   *
   * @param source the file, for the error message
   */
  public void requireNativePixelData(String source) throws DicomFormatException {
    if (encapsulated) {
      throw new DicomFormatException(source, name + " compressed pixel data (" + uid
          + ") is not supported; convert the file to an uncompressed transfer syntax first,"
          + " e.g. with dcmdjpeg, dcmdjpls, dcmdrle (dcmtk) or gdcmconv --raw");
    }
  }

  @Override
  public String toString() {
    return name + " (" + uid + ")";
  }
}
