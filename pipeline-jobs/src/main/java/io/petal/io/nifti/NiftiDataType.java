package io.petal.io.nifti;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The NIfTI-1 voxel datatypes Petal reads: every real-valued scalar type. Complex, RGB, binary and
 * 128-bit types are rejected by name ({@link #fromCode}).
 *
 * <p>Each constant knows its header code, its {@code bitpix} and how to turn raw bytes into float32
 * voxel values ({@link #decode}). {@link #FLOAT32} (images) and {@link #UINT8}/{@link #INT16}
 * (label maps) can also be written ({@link #encode}).
 */
public enum NiftiDataType {
  /** Unsigned 8-bit integer (code 2); a writable label type. */
  UINT8(2, 8, true) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.get(byteIndex) & 0xFF;
    }
  },
  /** Signed 8-bit integer (code 256). */
  INT8(256, 8, false) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.get(byteIndex);
    }
  },
  /** Signed 16-bit integer (code 4); a writable label type. */
  INT16(4, 16, true) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.getShort(byteIndex);
    }
  },
  /** Unsigned 16-bit integer (code 512). */
  UINT16(512, 16, false) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.getShort(byteIndex) & 0xFFFF;
    }
  },
  /** Signed 32-bit integer (code 8). */
  INT32(8, 32, false) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.getInt(byteIndex);
    }
  },
  /** Unsigned 32-bit integer (code 768). */
  UINT32(768, 32, false) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return Integer.toUnsignedLong(b.getInt(byteIndex));
    }
  },
  /** Signed 64-bit integer (code 1024); values beyond 2^24 lose precision as float32. */
  INT64(1024, 64, false) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.getLong(byteIndex);
    }
  },
  /** Unsigned 64-bit integer (code 1280); values beyond 2^24 lose precision as float32. */
  UINT64(1280, 64, false) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      long v = b.getLong(byteIndex);
      // the top bit is worth 2^63, not -2^63: halve without losing the low bit, then double
      return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
  },
  /** IEEE float32 (code 16); the writable image type. */
  FLOAT32(16, 32, true) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.getFloat(byteIndex);
    }
  },
  /** IEEE float64 (code 64); narrowed to float32 on reading. */
  FLOAT64(64, 64, false) {
    @Override
    double get(ByteBuffer b, int byteIndex) {
      return b.getDouble(byteIndex);
    }
  };

  /** Datatype codes of the NIfTI-1 standard that Petal does not read, by name. */
  private static final Map<Integer, String> UNSUPPORTED = Map.of(
      0, "UNKNOWN", 1, "BINARY", 32, "COMPLEX64", 128, "RGB24", 1536, "FLOAT128",
      1792, "COMPLEX128", 2048, "COMPLEX256", 2304, "RGBA32");

  private final int code;
  private final int bitpix;
  private final boolean writable;

  NiftiDataType(int code, int bitpix, boolean writable) {
    this.code = code;
    this.bitpix = bitpix;
    this.writable = writable;
  }

  /** The raw voxel at {@code byteIndex} of {@code b} (in b's byte order), as a double. */
  abstract double get(ByteBuffer b, int byteIndex);

  /** The header's {@code datatype} code. */
  public int code() {
    return code;
  }

  /** Bits per voxel, the header's {@code bitpix}. */
  public int bitpix() {
    return bitpix;
  }

  /** Bytes per voxel. */
  public int bytesPerVoxel() {
    return bitpix / 8;
  }

  /** True for the types {@link NiftiWriter} writes: FLOAT32, UINT8 and INT16. */
  public boolean writable() {
    return writable;
  }

  /**
   * The type with header code {@code code}.
   *
   * @throws NiftiFormatException naming the type (e.g. COMPLEX64) when it is not a real scalar type
   */
  public static NiftiDataType fromCode(int code, String source) throws NiftiFormatException {
    for (NiftiDataType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    String name = UNSUPPORTED.getOrDefault(code, "not a NIfTI-1 datatype");
    throw new NiftiFormatException(source, "datatype " + code + " (" + name
        + ") is not supported; Petal reads " + supportedList());
  }

  private static String supportedList() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /**
   * Decodes {@code count} voxels starting at byte 0 of {@code src} (in src's byte order) into
   * {@code dst[off .. off+count)}, each as {@code raw · slope + inter} narrowed to float32.
   */
  void decode(ByteBuffer src, float[] dst, int off, int count, NiftiScaling scaling) {
    if (this == FLOAT32 && scaling.isIdentity()) {
      src.asFloatBuffer().get(0, dst, off, count);
      return;
    }
    double slope = scaling.slope();
    double inter = scaling.inter();
    // the common types get a loop of their own: through get() every voxel is a virtual call
    switch (this) {
      case UINT8 -> {
        for (int v = 0; v < count; v++) {
          dst[off + v] = (float) ((src.get(v) & 0xFF) * slope + inter);
        }
      }
      case INT16 -> {
        for (int v = 0; v < count; v++) {
          dst[off + v] = (float) (src.getShort(2 * v) * slope + inter);
        }
      }
      case FLOAT32 -> {
        for (int v = 0; v < count; v++) {
          dst[off + v] = (float) (src.getFloat(4 * v) * slope + inter);
        }
      }
      default -> {
        int size = bytesPerVoxel();
        for (int v = 0; v < count; v++) {
          dst[off + v] = (float) (get(src, v * size) * slope + inter);
        }
      }
    }
  }

  /**
   * Encodes {@code src[off .. off+count)} at {@code dst}'s position (advancing it), in dst's byte
   * order. Integer types round to the nearest integer and reject values out of range.
   *
   * @throws IllegalArgumentException naming the flat voxel index when a value is NaN or does not
   *     fit an integer type
   * @throws UnsupportedOperationException for a type that is not {@link #writable()}
   */
  void encode(float[] src, int off, int count, ByteBuffer dst) {
    if (!writable) {
      throw new UnsupportedOperationException("writing " + this + " is not supported");
    }
    if (this == FLOAT32) {
      dst.asFloatBuffer().put(src, off, count);
      dst.position(dst.position() + count * Float.BYTES);
      return;
    }
    double min = this == UINT8 ? 0 : Short.MIN_VALUE;
    double max = this == UINT8 ? 255 : Short.MAX_VALUE;
    for (int v = off; v < off + count; v++) {
      double rounded = Math.rint(src[v]);
      if (!(rounded >= min && rounded <= max)) {
        throw new IllegalArgumentException("voxel " + v + " has value " + src[v]
            + ", which does not fit " + this + " [" + (long) min + ", " + (long) max + "]");
      }
      if (this == UINT8) {
        dst.put((byte) rounded);
      } else {
        dst.putShort((short) rounded);
      }
    }
  }
}
