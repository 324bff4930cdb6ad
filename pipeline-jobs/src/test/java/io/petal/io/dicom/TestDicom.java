package io.petal.io.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small DICOM writer for test fixtures: builds a dataset element by element and writes it as a
 * Part 10 file in explicit or implicit VR little endian, with sequences and items of defined or
 * undefined length.
 */
public final class TestDicom {
  private final Map<Integer, Object> elements = new TreeMap<>(Integer::compareUnsigned);
  private final Map<Integer, VR> vrs = new TreeMap<>(Integer::compareUnsigned);

  /** A text element, padded to even length (NUL for UI, space otherwise). */
  public TestDicom text(int tag, VR vr, String value) {
    byte[] raw = value.getBytes(vr == VR.PN || vr == VR.LO || vr == VR.SH
        ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    if (raw.length % 2 == 1) {
      byte[] padded = new byte[raw.length + 1];
      System.arraycopy(raw, 0, padded, 0, raw.length);
      padded[raw.length] = (byte) (vr == VR.UI ? 0 : ' ');
      raw = padded;
    }
    return bytes(tag, vr, raw);
  }

  /** A DS element with the given numbers. */
  public TestDicom ds(int tag, double... values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.length() == 0 ? "" : "\\").append(v);
    }
    return text(tag, VR.DS, sb.toString());
  }

  /** A US element. */
  public TestDicom us(int tag, int... values) {
    ByteBuffer b = le(2 * values.length);
    for (int v : values) {
      b.putShort((short) v);
    }
    return bytes(tag, VR.US, b.array());
  }

  /** An FD element. */
  public TestDicom fd(int tag, double... values) {
    ByteBuffer b = le(8 * values.length);
    for (double v : values) {
      b.putDouble(v);
    }
    return bytes(tag, VR.FD, b.array());
  }

  /** Any element from its value bytes (little endian). */
  public TestDicom bytes(int tag, VR vr, byte[] value) {
    elements.put(tag, value);
    vrs.put(tag, vr);
    return this;
  }

  /** A sequence of {@code items}. */
  public TestDicom sequence(int tag, TestDicom... items) {
    elements.put(tag, List.of(items));
    vrs.put(tag, VR.SQ);
    return this;
  }

  /** 16-bit words as OW bytes. */
  public static byte[] words(int... values) {
    ByteBuffer b = le(2 * values.length);
    for (int v : values) {
      b.putShort((short) v);
    }
    return b.array();
  }

  /** 32-bit words as little endian bytes. */
  public static byte[] ints(long... values) {
    ByteBuffer b = le(4 * values.length);
    for (long v : values) {
      b.putInt((int) v);
    }
    return b.array();
  }

  /** A Part 10 file (preamble, DICM, meta group) with the dataset in {@code syntax}. */
  public byte[] toPart10(TransferSyntax syntax, boolean undefinedLengths) {
    if (syntax != TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
        && syntax != TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN) {
      throw new IllegalArgumentException("the test writer writes little endian only");
    }
    return toPart10(syntax.uid(), syntax.isExplicitVr(), undefinedLengths);
  }

  /**
   * A Part 10 file whose meta group names {@code transferSyntaxUid} (any UID, for error tests)
   * while the dataset is written in explicit or implicit VR little endian.
   */
  public byte[] toPart10(String transferSyntaxUid, boolean explicitVr, boolean undefinedLengths) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[128]);
    out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    TestDicom meta = new TestDicom()
        .bytes(0x00020001, VR.OB, new byte[] {0, 1})
        .text(0x00020002, VR.UI, "1.2.840.10008.5.1.4.1.1.128")
        .text(0x00020003, VR.UI, "1.2.3.4")
        .text(0x00020010, VR.UI, transferSyntaxUid);
    byte[] metaBytes = meta.encode(true, false);
    out.writeBytes(header(0x00020000, VR.UL, 4, true));
    out.writeBytes(le(4).putInt(metaBytes.length).array());
    out.writeBytes(metaBytes);
    out.writeBytes(encode(explicitVr, undefinedLengths));
    return out.toByteArray();
  }

  /** The dataset alone (no preamble, no meta group). */
  byte[] encode(boolean explicitVr, boolean undefinedLengths) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<Integer, Object> e : elements.entrySet()) {
      int tag = e.getKey();
      VR vr = vrs.get(tag);
      byte[] value;
      boolean undefined = false;
      if (e.getValue() instanceof List<?> items) {
        value = encodeItems(items, explicitVr, undefinedLengths);
        undefined = undefinedLengths;
      } else {
        value = (byte[]) e.getValue();
      }
      out.writeBytes(header(tag, vr, undefined ? -1 : value.length, explicitVr));
      out.writeBytes(value);
      if (undefined) {
        out.writeBytes(header(DicomTags.SEQUENCE_DELIMITATION, null, 0, false));
      }
    }
    return out.toByteArray();
  }

  private static byte[] encodeItems(List<?> items, boolean explicitVr, boolean undefined) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object item : items) {
      byte[] content = ((TestDicom) item).encode(explicitVr, undefined);
      out.writeBytes(header(DicomTags.ITEM, null, undefined ? -1 : content.length, false));
      out.writeBytes(content);
      if (undefined) {
        out.writeBytes(header(DicomTags.ITEM_DELIMITATION, null, 0, false));
      }
    }
    return out.toByteArray();
  }

  /** An element header; {@code vr} null for items and delimiters (tag + 4-byte length). */
  static byte[] header(int tag, VR vr, int length, boolean explicitVr) {
    boolean longForm = vr != null && explicitVr && vr.hasLongLength();
    ByteBuffer b = le(vr == null || !explicitVr ? 8 : longForm ? 12 : 8);
    b.putShort((short) (tag >>> 16)).putShort((short) tag);
    if (vr != null && explicitVr) {
      b.put((byte) vr.name().charAt(0)).put((byte) vr.name().charAt(1));
      if (longForm) {
        b.putShort((short) 0).putInt(length);
      } else {
        b.putShort((short) length);
      }
    } else {
      b.putInt(length);
    }
    return b.array();
  }

  /** A copy of this dataset builder's current elements as a new builder. */
  public TestDicom copy() {
    TestDicom c = new TestDicom();
    c.elements.putAll(elements);
    c.vrs.putAll(vrs);
    return c;
  }

  /** Removes {@code tag}. */
  public TestDicom remove(int tag) {
    elements.remove(tag);
    vrs.remove(tag);
    return this;
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
