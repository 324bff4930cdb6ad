package io.petal.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorCodecTest {
  @Test
  void floatsAreLittleEndianIeee754() {
    byte[] b = TensorCodec.encodeFloats(new float[] {1.0f});
    // 1.0f = 0x3F800000, stored low byte first
    assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, b);
  }

  @Test
  void planesDecodeIndividually() {
    float[] a = {1, 2, 3};
    float[] c = {-4, 5.5f, Float.NaN};
    byte[] t = TensorCodec.encodeFloatPlanes(a, c);
    assertEquals(24, t.length);
    assertArrayEquals(c, TensorCodec.decodeFloatPlane(t, 1, 3));
    assertArrayEquals(new float[] {1, 2, 3, -4, 5.5f, Float.NaN}, TensorCodec.decodeFloats(t, 6));
  }

  @Test
  void wrongShapeIsRejected() {
    byte[] t = TensorCodec.encodeFloats(new float[5]);
    assertThrows(IllegalArgumentException.class, () -> TensorCodec.decodeFloats(t, 6));
    assertThrows(IllegalArgumentException.class, () -> TensorCodec.decodeFloatPlane(t, 1, 3));
    assertThrows(IllegalArgumentException.class,
        () -> TensorCodec.encodeFloatPlanes(new float[2], new float[3]));
  }

  @Test
  void labelsAreUnsignedBytes() {
    byte[] l = TensorCodec.encodeLabels(new float[] {0, 1, 200, 255});
    assertEquals(255, TensorCodec.label(l, 3));
    assertArrayEquals(new float[] {0, 1, 200, 255}, TensorCodec.decodeLabels(l));
    assertThrows(IllegalArgumentException.class, () -> TensorCodec.encodeLabels(new float[] {0.5f}));
    assertThrows(IllegalArgumentException.class, () -> TensorCodec.encodeLabels(new float[] {256}));
  }
}
