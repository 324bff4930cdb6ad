package io.petal.io.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Builds NIfTI-1 test files field by field, valid or deliberately broken, at the byte offsets of
 * nifti1.h, independently of {@link NiftiHeaderCodec} (so that a wrong offset there shows).
 * Defaults: little-endian 2×3×4 FLOAT32, spacing 1 mm, no qform/sform, vox_offset 352.
 */
final class NiftiTestFile {
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
  private int sizeofHdr = 348;
  private String magic = "n+1";
  private short[] dim = {3, 2, 3, 4, 1, 1, 1, 1};
  private int datatype = 16;
  private int bitpix = 32;
  private float[] pixdim = {1, 1, 1, 1, 0, 0, 0, 0};
  private float voxOffset = 352;
  private float sclSlope = 1;
  private float sclInter = 0;
  private int xyztUnits = 2;
  private int qformCode;
  private float[] quatern = new float[6];
  private int sformCode;
  private float[] srow = new float[12];
  private String descrip = "";
  private byte[] payload = new byte[0];

  NiftiTestFile order(ByteOrder o) {
    order = o;
    return this;
  }

  NiftiTestFile sizeofHdr(int s) {
    sizeofHdr = s;
    return this;
  }

  NiftiTestFile magic(String m) {
    magic = m;
    return this;
  }

  /** dim[0] = number of sizes, then the sizes. */
  NiftiTestFile dims(int... sizes) {
    dim = new short[] {(short) sizes.length, 1, 1, 1, 1, 1, 1, 1};
    for (int d = 0; d < sizes.length; d++) {
      dim[d + 1] = (short) sizes[d];
    }
    return this;
  }

  /** Sets one raw dim entry (to build invalid headers). */
  NiftiTestFile dim(int index, int value) {
    dim[index] = (short) value;
    return this;
  }

  NiftiTestFile datatype(int code, int bits) {
    datatype = code;
    bitpix = bits;
    return this;
  }

  NiftiTestFile pixdim(float... p) {
    System.arraycopy(p, 0, pixdim, 0, p.length);
    return this;
  }

  NiftiTestFile voxOffset(float v) {
    voxOffset = v;
    return this;
  }

  NiftiTestFile scaling(float slope, float inter) {
    sclSlope = slope;
    sclInter = inter;
    return this;
  }

  NiftiTestFile xyztUnits(int u) {
    xyztUnits = u;
    return this;
  }

  /** qform_code and quatern_b, c, d, qoffset_x, y, z. */
  NiftiTestFile qform(int code, float... bcdxyz) {
    qformCode = code;
    quatern = bcdxyz.clone();
    return this;
  }

  /** sform_code and srow_x, srow_y, srow_z (12 values). */
  NiftiTestFile sform(int code, float... rows) {
    sformCode = code;
    srow = rows.clone();
    return this;
  }

  NiftiTestFile descrip(String d) {
    descrip = d;
    return this;
  }

  NiftiTestFile payload(byte[] p) {
    payload = p.clone();
    return this;
  }

  /** The payload as {@code values} stored in the current datatype and byte order. */
  NiftiTestFile voxels(double... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * bitpix / 8).order(order);
    for (double v : values) {
      long bits = new BigDecimal(v).toBigInteger().longValue(); // two's complement low 64 bits
      switch (datatype) {
        case 2, 256 -> b.put((byte) bits);
        case 4, 512 -> b.putShort((short) bits);
        case 8, 768 -> b.putInt((int) bits);
        case 1024, 1280 -> b.putLong(bits);
        case 16 -> b.putFloat((float) v);
        case 64 -> b.putDouble(v);
        default -> throw new IllegalStateException("no encoder for datatype " + datatype);
      }
    }
    payload = b.array();
    return this;
  }

  /** The file's bytes: header, zero padding up to vox_offset, payload. */
  byte[] bytes() {
    int start = Math.max(348, Float.isFinite(voxOffset) ? (int) voxOffset : 352);
    ByteBuffer b = ByteBuffer.allocate(start + payload.length).order(order);
    b.putInt(0, sizeofHdr);
    for (int d = 0; d < 8; d++) {
      b.putShort(40 + 2 * d, dim[d]);
    }
    b.putShort(70, (short) datatype);
    b.putShort(72, (short) bitpix);
    for (int d = 0; d < 8; d++) {
      b.putFloat(76 + 4 * d, pixdim[d]);
    }
    b.putFloat(108, voxOffset);
    b.putFloat(112, sclSlope);
    b.putFloat(116, sclInter);
    b.put(123, (byte) xyztUnits);
    b.put(148, descrip.getBytes(StandardCharsets.US_ASCII));
    b.putShort(252, (short) qformCode);
    b.putShort(254, (short) sformCode);
    for (int q = 0; q < quatern.length; q++) {
      b.putFloat(256 + 4 * q, quatern[q]);
    }
    for (int s = 0; s < srow.length; s++) {
      b.putFloat(280 + 4 * s, srow[s]);
    }
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    b.put(344, m, 0, Math.min(m.length, 4));
    b.put(start, payload);
    return b.array();
  }

  /** {@link #bytes()} gzip-compressed. */
  byte[] gzipped() {
    return gzip(bytes());
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
