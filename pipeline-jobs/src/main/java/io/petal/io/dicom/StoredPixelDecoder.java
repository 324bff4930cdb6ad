package io.petal.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes native (uncompressed) pixel data to stored values, frame by frame, in the file's order:
 * row by row, column index fastest. Handles BitsAllocated 1 (packed, least significant bit first,
 * frames not byte-aligned), 8, 16 and 32, BitsStored/HighBit masking with sign extension for
 * signed data, and float pixel data (OF/OD).
 */
final class StoredPixelDecoder {
  private final PixelFormat format;
  private final ByteBuffer data;

  /**
   * @param format the checked pixel layout
   * @param pixels the pixel data element; big endian values are converted to little endian here
   */
  StoredPixelDecoder(PixelFormat format, DicomElement pixels) {
    this.format = format;
    this.data = littleEndianBytes(pixels);
  }

  /**
   * Stored values of {@code frame}; for 32-bit unsigned data the int holds the value's bit pattern
   * (read it with {@code Integer.toUnsignedLong}).
   */
  int[] frame(int frame) {
    int n = format.frameSize();
    int[] out = new int[n];
    long first = (long) frame * n;
    switch (format.bitsAllocated()) {
      case 1:
        for (int i = 0; i < n; i++) {
          long bit = first + i;
          out[i] = (data.get((int) (bit >>> 3)) >>> (int) (bit & 7)) & 1;
        }
        return out;
      case 8:
        for (int i = 0; i < n; i++) {
          out[i] = data.get((int) first + i) & 0xFF;
        }
        break;
      case 16:
        for (int i = 0; i < n; i++) {
          out[i] = data.getShort((int) (2 * (first + i))) & 0xFFFF;
        }
        break;
      case 32:
        for (int i = 0; i < n; i++) {
          out[i] = data.getInt((int) (4 * (first + i)));
        }
        break;
      default:
        throw new IllegalStateException("unchecked BitsAllocated " + format.bitsAllocated());
    }
    extractStoredBits(out);
    return out;
  }

  /** Values of {@code frame} of float pixel data (OF or OD), as floats. */
  float[] floatFrame(int frame) {
    int n = format.frameSize();
    float[] out = new float[n];
    long first = (long) frame * n;
    if (format.bitsAllocated() == 32) {
      for (int i = 0; i < n; i++) {
        out[i] = data.getFloat((int) (4 * (first + i)));
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = (float) data.getDouble((int) (8 * (first + i)));
      }
    }
    return out;
  }

  /** Keeps bits highBit-bitsStored+1 .. highBit of each raw word, sign-extending signed data. */
  private void extractStoredBits(int[] values) {
    int allocated = format.bitsAllocated();
    int stored = format.bitsStored();
    int shift = format.highBit() + 1 - stored;
    boolean signed = format.signed();
    if (stored == allocated) {
      if (signed && allocated < 32) {
        int unused = 32 - allocated;
        for (int i = 0; i < values.length; i++) {
          values[i] = values[i] << unused >> unused;
        }
      }
      return;
    }
    int left = 32 - stored;
    for (int i = 0; i < values.length; i++) {
      int v = values[i] >>> shift << left;
      values[i] = signed ? v >> left : v >>> left;
    }
  }

  /**
   * The pixel bytes as a little endian stream. Little endian files are used in place; in big
   * endian files each value word of the element's VR (2 bytes for OW, 4 for OL/OF, 8 for OD) is
   * byte-swapped into a copy.
   */
  private static ByteBuffer littleEndianBytes(DicomElement pixels) {
    ByteBuffer source = pixels.buffer();
    if (source.order() == ByteOrder.LITTLE_ENDIAN || pixels.vr().binarySize() <= 1) {
      return source.slice(pixels.offset(), pixels.length()).order(ByteOrder.LITTLE_ENDIAN);
    }
    int word = pixels.vr().binarySize();
    byte[] swapped = pixels.bytes();
    for (int start = 0; start + word <= swapped.length; start += word) {
      for (int a = start, b = start + word - 1; a < b; a++, b--) {
        byte t = swapped[a];
        swapped[a] = swapped[b];
        swapped[b] = t;
      }
    }
    return ByteBuffer.wrap(swapped).order(ByteOrder.LITTLE_ENDIAN);
  }
}
