package io.petal.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary layout of the 348-byte NIfTI-1 header: {@link #decode} parses and validates one,
 * {@link #encode} writes one (followed by the 4 extension bytes, all zero).
 *
 * <p>The byte order is found from {@code sizeof_hdr} (348, or 348 byte-swapped for big-endian
 * files). Only single-file NIfTI-1 ({@code magic = "n+1\0"}) is accepted.
 */
final class NiftiHeaderCodec {
  /** Bytes in a NIfTI-1 header, the value of {@code sizeof_hdr}. */
  static final int HEADER_SIZE = 348;
  /** The largest number of voxels in one volume: what one Java float array can hold. */
  static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

  private static final int NIFTI2_HEADER_SIZE = 540;
  private static final byte[] MAGIC_SINGLE_FILE = {'n', '+', '1', 0};
  private static final byte[] MAGIC_PAIR = {'n', 'i', '1', 0};

  // byte offsets of the fields Petal uses (NIfTI-1 standard, nifti1.h)
  private static final int DIM = 40;
  private static final int INTENT_CODE = 68;
  private static final int DATATYPE = 70;
  private static final int BITPIX = 72;
  private static final int PIXDIM = 76;
  private static final int VOX_OFFSET = 108;
  private static final int SCL_SLOPE = 112;
  private static final int SCL_INTER = 116;
  private static final int XYZT_UNITS = 123;
  private static final int DESCRIP = 148;
  private static final int DESCRIP_LENGTH = 80;
  private static final int QFORM_CODE = 252;
  private static final int SFORM_CODE = 254;
  private static final int QUATERN_B = 256;
  private static final int SROW_X = 280;
  private static final int INTENT_NAME = 328;
  private static final int INTENT_NAME_LENGTH = 16;
  private static final int MAGIC = 344;
  private static final int REGULAR = 38;

  private NiftiHeaderCodec() {}

  /**
   * Parses and validates the first bytes of a file.
   *
   * @param raw the file's first bytes: 348 of them, or fewer when the file is that short
   * @param source file name for messages
   * @throws NiftiFormatException naming {@code source} for a truncated header, a wrong
   *     {@code sizeof_hdr}, NIfTI-2, a .hdr/.img pair, a bad magic, an unsupported datatype, a
   *     {@code bitpix} that disagrees with it, bad dimensions or spacings, a voxel count too large
   *     for one array, or a {@code vox_offset} below 352
   */
  static NiftiHeader decode(byte[] raw, String source) throws NiftiFormatException {
    if (raw.length < 4) {
      throw truncatedHeader(raw.length, source);
    }
    ByteBuffer b = ByteBuffer.wrap(raw).order(byteOrder(raw, source));
    if (raw.length < HEADER_SIZE) {
      throw truncatedHeader(raw.length, source);
    }
    checkMagic(Arrays.copyOfRange(raw, MAGIC, MAGIC + 4), source);

    NiftiDataType type = NiftiDataType.fromCode(b.getShort(DATATYPE), source);
    int bitpix = b.getShort(BITPIX);
    if (bitpix != type.bitpix()) {
      throw new NiftiFormatException(source, "bitpix " + bitpix + " does not match datatype "
          + type + " (" + type.bitpix() + " bits)");
    }
    int[] dim = new int[8];
    for (int d = 0; d < 8; d++) {
      dim[d] = b.getShort(DIM + 2 * d);
    }
    checkDims(dim, source);
    float[] pixdim = new float[8];
    for (int d = 0; d < 8; d++) {
      pixdim[d] = b.getFloat(PIXDIM + 4 * d);
    }
    for (int d = 1; d <= Math.min(dim[0], 3); d++) {
      if (!(Float.isFinite(pixdim[d]) && pixdim[d] > 0)) {
        throw new NiftiFormatException(source, "pixdim[" + d + "] = " + pixdim[d]
            + " is not a voxel spacing (must be positive and finite)");
      }
    }
    long voxOffset = voxOffset(b.getFloat(VOX_OFFSET), source);
    float[] quatern = new float[6];
    for (int q = 0; q < 6; q++) {
      quatern[q] = b.getFloat(QUATERN_B + 4 * q);
    }
    float[] srow = new float[12];
    for (int s = 0; s < 12; s++) {
      srow[s] = b.getFloat(SROW_X + 4 * s);
    }
    return new NiftiHeader(b.order(), dim, type, pixdim, voxOffset,
        b.getFloat(SCL_SLOPE), b.getFloat(SCL_INTER), raw[XYZT_UNITS] & 0xFF,
        b.getShort(INTENT_CODE), text(raw, INTENT_NAME, INTENT_NAME_LENGTH),
        text(raw, DESCRIP, DESCRIP_LENGTH),
        b.getShort(QFORM_CODE), quatern, b.getShort(SFORM_CODE), srow);
  }

  /**
   * The 352 bytes of a single-file NIfTI-1 header (magic {@code "n+1"}) with no extensions, in
   * {@code h.byteOrder()}.
   *
   * @throws IllegalArgumentException when a dimension exceeds 32767 or a text field its length
   */
  static byte[] encode(NiftiHeader h) {
    ByteBuffer b = ByteBuffer.allocate(NiftiHeader.MIN_VOX_OFFSET).order(h.byteOrder());
    b.putInt(0, HEADER_SIZE);
    b.put(REGULAR, (byte) 'r');
    int[] dim = h.dim();
    for (int d = 0; d < 8; d++) {
      if (dim[d] > Short.MAX_VALUE) {
        throw new IllegalArgumentException("dim[" + d + "] = " + dim[d]
            + " exceeds NIfTI-1's limit of " + Short.MAX_VALUE);
      }
      b.putShort(DIM + 2 * d, (short) dim[d]);
    }
    b.putShort(INTENT_CODE, (short) h.intentCode());
    b.putShort(DATATYPE, (short) h.dataType().code());
    b.putShort(BITPIX, (short) h.dataType().bitpix());
    float[] pixdim = h.pixdim();
    for (int d = 0; d < 8; d++) {
      b.putFloat(PIXDIM + 4 * d, pixdim[d]);
    }
    b.putFloat(VOX_OFFSET, h.voxOffset());
    b.putFloat(SCL_SLOPE, h.sclSlope());
    b.putFloat(SCL_INTER, h.sclInter());
    b.put(XYZT_UNITS, (byte) h.xyztUnits());
    putText(b, DESCRIP, DESCRIP_LENGTH, h.descrip(), "descrip");
    b.putShort(QFORM_CODE, (short) h.qformCode());
    b.putShort(SFORM_CODE, (short) h.sformCode());
    float[] quatern = h.quatern();
    for (int q = 0; q < 6; q++) {
      b.putFloat(QUATERN_B + 4 * q, quatern[q]);
    }
    float[] srow = h.srow();
    for (int s = 0; s < 12; s++) {
      b.putFloat(SROW_X + 4 * s, srow[s]);
    }
    putText(b, INTENT_NAME, INTENT_NAME_LENGTH, h.intentName(), "intent_name");
    b.put(MAGIC, MAGIC_SINGLE_FILE);
    return b.array();
  }

  private static ByteOrder byteOrder(byte[] raw, String source) throws NiftiFormatException {
    int little = ByteBuffer.wrap(raw, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int big = Integer.reverseBytes(little);
    if (little == HEADER_SIZE) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    if (big == HEADER_SIZE) {
      return ByteOrder.BIG_ENDIAN;
    }
    if (little == NIFTI2_HEADER_SIZE || big == NIFTI2_HEADER_SIZE) {
      throw new NiftiFormatException(source, "is a NIfTI-2 file (sizeof_hdr 540); only NIfTI-1"
          + " is supported, convert it (e.g. nibabel's Nifti1Image)");
    }
    throw new NiftiFormatException(source, "sizeof_hdr is " + little + " (" + big
        + " byte-swapped), expected 348: not a NIfTI-1 file");
  }

  private static void checkMagic(byte[] magic, String source) throws NiftiFormatException {
    if (Arrays.equals(magic, MAGIC_SINGLE_FILE)) {
      return;
    }
    if (Arrays.equals(magic, MAGIC_PAIR)) {
      throw new NiftiFormatException(source, "is the header of a .hdr/.img pair (magic \"ni1\");"
          + " only single-file .nii (magic \"n+1\") is supported");
    }
    StringBuilder shown = new StringBuilder();
    for (byte c : magic) {
      shown.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    throw new NiftiFormatException(source, "bad magic \"" + shown
        + "\", expected \"n+1\\x00\" (an Analyze 7.5 file, or not NIfTI-1 at all)");
  }

  private static void checkDims(int[] dim, String source) throws NiftiFormatException {
    if (dim[0] < 1 || dim[0] > 7) {
      throw new NiftiFormatException(source, "dim[0] = " + dim[0]
          + " is not a number of dimensions (1..7)");
    }
    long voxels = 1;
    for (int d = 1; d <= dim[0]; d++) {
      if (dim[d] <= 0) {
        throw new NiftiFormatException(source, "dim[" + d + "] = " + dim[d] + " is not positive");
      }
      if (d <= 3) {
        voxels *= dim[d]; // at most 32767^3, no long overflow
      }
    }
    if (voxels > MAX_VOXELS) {
      throw new NiftiFormatException(source, "voxel count " + dim[1] + "x" + size(dim, 2) + "x"
          + size(dim, 3) + " = " + voxels + " overflows one array (at most " + MAX_VOXELS + ")");
    }
  }

  private static int size(int[] dim, int d) {
    return d <= dim[0] ? dim[d] : 1;
  }

  private static long voxOffset(float v, String source) throws NiftiFormatException {
    if (!(v >= NiftiHeader.MIN_VOX_OFFSET) || v != Math.rint(v) || Float.isInfinite(v)) {
      throw new NiftiFormatException(source, "vox_offset " + v + " is not a whole number of bytes"
          + " >= " + NiftiHeader.MIN_VOX_OFFSET + " (header plus extension flag)");
    }
    return (long) v;
  }

  private static String text(byte[] raw, int offset, int length) {
    int end = offset;
    while (end < offset + length && raw[end] != 0) {
      end++;
    }
    return new String(raw, offset, end - offset, StandardCharsets.ISO_8859_1).trim();
  }

  private static void putText(ByteBuffer b, int offset, int length, String s, String field) {
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length > length) {
      throw new IllegalArgumentException(field + " is longer than " + length + " bytes: " + s);
    }
    b.put(offset, bytes);
  }

  private static NiftiFormatException truncatedHeader(int length, String source) {
    return new NiftiFormatException(source, "truncated: the file has " + length
        + " bytes, a NIfTI-1 header needs " + HEADER_SIZE);
  }
}
