package io.petal.schema;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encoding of tensors in {@code binary} columns: float32 little-endian for images, uint8 for
 * labels, x-fastest (C order for shape [..., height, width]). Shapes live in their own columns.
 *
 * <p>Bulk conversions go through {@link ByteBuffer} views, not per-value loops over streams.
 */
public final class TensorCodec {
  private TensorCodec() {}

  /** float32 LE bytes of {@code values} (4 bytes per value). */
  public static byte[] encodeFloats(float[] values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return buf.array();
  }

  /** Concatenated float32 LE bytes of several equally long planes (e.g. channels [C, H, W]). */
  public static byte[] encodeFloatPlanes(float[]... planes) {
    int planeSize = planes.length == 0 ? 0 : planes[0].length;
    ByteBuffer buf = ByteBuffer.allocate(planes.length * planeSize * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    java.nio.FloatBuffer fb = buf.asFloatBuffer();
    for (float[] p : planes) {
      if (p.length != planeSize) {
        throw new IllegalArgumentException("planes differ in size: " + p.length + " vs " + planeSize);
      }
      fb.put(p);
    }
    return buf.array();
  }

  /** Decodes float32 LE bytes, checking the byte count against {@code expectedValues}. */
  public static float[] decodeFloats(byte[] bytes, int expectedValues) {
    if (bytes.length != (long) expectedValues * Float.BYTES) {
      throw new IllegalArgumentException("float32 tensor has " + bytes.length + " bytes, shape needs "
          + (long) expectedValues * Float.BYTES);
    }
    float[] out = new float[expectedValues];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  /** Plane {@code index} (of {@code planeSize} values) of a float32 LE tensor [N, planeSize]. */
  public static float[] decodeFloatPlane(byte[] bytes, int index, int planeSize) {
    int from = index * planeSize * Float.BYTES;
    if (index < 0 || from + planeSize * Float.BYTES > bytes.length) {
      throw new IllegalArgumentException("plane " + index + " of " + planeSize + " values is outside a tensor of "
          + bytes.length + " bytes");
    }
    float[] out = new float[planeSize];
    ByteBuffer.wrap(bytes, from, planeSize * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  /** uint8 label bytes; every value must be an integer in [0, 255]. */
  public static byte[] encodeLabels(float[] labels) {
    byte[] out = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      float v = labels[i];
      int iv = (int) v;
      if (iv != v || iv < 0 || iv > 255) {
        throw new IllegalArgumentException("label value " + v + " at " + i + " is not an integer in [0, 255]");
      }
      out[i] = (byte) iv;
    }
    return out;
  }

  /** Label value (0..255) at flat index {@code i}. */
  public static int label(byte[] labels, int i) {
    return labels[i] & 0xFF;
  }

  /** Decodes uint8 labels to floats. */
  public static float[] decodeLabels(byte[] labels) {
    float[] out = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] & 0xFF;
    }
    return out;
  }
}
