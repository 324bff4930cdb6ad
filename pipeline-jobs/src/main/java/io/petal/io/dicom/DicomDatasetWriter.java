package io.petal.io.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a DICOM dataset element by element and writes it as a Part 10 file (128-byte preamble,
 * {@code DICM}, file meta group, dataset) in explicit or implicit VR little endian, with nested
 * sequences of defined or undefined length. Elements are written in ascending tag order whatever
 * order they were added in; adding a tag again replaces it. Values are given as the standard
 * defines them (mm, s, ...); the writer does not check them against the IODs.
 *
 * <p>Text of VR PN, LO, SH is encoded in UTF-8 (declare SpecificCharacterSet {@code ISO_IR 192}
 * when using characters beyond ASCII); other text in ISO 8859-1. Values are padded to even length
 * (NUL for UI, space otherwise).
 */
public final class DicomDatasetWriter {
  private final Map<Integer, Object> elements = new TreeMap<>(Integer::compareUnsigned);
  private final Map<Integer, VR> vrs = new TreeMap<>(Integer::compareUnsigned);

  /**
   * What the file meta group says: SOP class and instance of the dataset, its transfer syntax and,
   * when not null, the implementation class UID of the writing software.
   */
  public record Meta(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
      String implementationClassUid) {}

  /** A text element, padded to even length. */
  public DicomDatasetWriter text(int tag, VR vr, String value) {
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

  /** A multi-valued text element (values joined with backslashes). */
  public DicomDatasetWriter texts(int tag, VR vr, String... values) {
    return text(tag, vr, String.join("\\", values));
  }

  /** A DS element with the given numbers ({@link Double#toString}, shortened where longer than the 16 characters DS allows). */
  public DicomDatasetWriter ds(int tag, double... values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.length() == 0 ? "" : "\\").append(decimalString(v));
    }
    return text(tag, VR.DS, sb.toString());
  }

  /** An IS element with the given integers. */
  public DicomDatasetWriter is(int tag, int... values) {
    StringBuilder sb = new StringBuilder();
    for (int v : values) {
      sb.append(sb.length() == 0 ? "" : "\\").append(v);
    }
    return text(tag, VR.IS, sb.toString());
  }

  /** A US element. */
  public DicomDatasetWriter us(int tag, int... values) {
    ByteBuffer b = le(2 * values.length);
    for (int v : values) {
      b.putShort((short) v);
    }
    return bytes(tag, VR.US, b.array());
  }

  /** An FD element. */
  public DicomDatasetWriter fd(int tag, double... values) {
    ByteBuffer b = le(8 * values.length);
    for (double v : values) {
      b.putDouble(v);
    }
    return bytes(tag, VR.FD, b.array());
  }

  /** An AT element: the tags as (group, element) word pairs. */
  public DicomDatasetWriter at(int tag, int... tags) {
    ByteBuffer b = le(4 * tags.length);
    for (int t : tags) {
      b.putShort((short) (t >>> 16)).putShort((short) t);
    }
    return bytes(tag, VR.AT, b.array());
  }

  /** Any element from its value bytes (little endian). */
  public DicomDatasetWriter bytes(int tag, VR vr, byte[] value) {
    elements.put(tag, value);
    vrs.put(tag, vr);
    return this;
  }

  /** A sequence of {@code items} (each item a dataset of its own). */
  public DicomDatasetWriter sequence(int tag, DicomDatasetWriter... items) {
    elements.put(tag, List.of(items));
    vrs.put(tag, VR.SQ);
    return this;
  }

  /** Removes {@code tag}. */
  public DicomDatasetWriter remove(int tag) {
    elements.remove(tag);
    vrs.remove(tag);
    return this;
  }

  /** A copy of this writer's current elements (sequence items are shared). */
  public DicomDatasetWriter copy() {
    DicomDatasetWriter c = new DicomDatasetWriter();
    c.elements.putAll(elements);
    c.vrs.putAll(vrs);
    return c;
  }

  /** 16-bit words as little endian bytes (OW pixel data). */
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

  /**
   * The Part 10 file of this dataset in explicit VR little endian with defined lengths, its meta
   * group naming the dataset's SOPClassUID and SOPInstanceUID (both required) and
   * {@code implementationClassUid}.
   */
  public byte[] toPart10(String implementationClassUid) {
    String sopClass = textValue(DicomTags.SOP_CLASS_UID);
    String sopInstance = textValue(DicomTags.SOP_INSTANCE_UID);
    if (sopClass == null || sopInstance == null) {
      throw new IllegalStateException("a Part 10 file needs the dataset's SOPClassUID and SOPInstanceUID");
    }
    return toPart10(new Meta(sopClass, sopInstance, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
        implementationClassUid), true, false);
  }

  /**
   * The Part 10 file with the meta group of {@code meta} (which may name any transfer syntax,
   * for error tests) and the dataset in explicit or implicit VR little endian.
   */
  public byte[] toPart10(Meta meta, boolean explicitVr, boolean undefinedLengths) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[128]);
    out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    DicomDatasetWriter group = new DicomDatasetWriter()
        .bytes(0x00020001, VR.OB, new byte[] {0, 1})
        .text(DicomTags.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, meta.sopClassUid())
        .text(DicomTags.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, meta.sopInstanceUid())
        .text(DicomTags.TRANSFER_SYNTAX_UID, VR.UI, meta.transferSyntaxUid());
    if (meta.implementationClassUid() != null) {
      group.text(IMPLEMENTATION_CLASS_UID, VR.UI, meta.implementationClassUid());
    }
    byte[] metaBytes = group.encode(true, false);
    out.writeBytes(header(0x00020000, VR.UL, 4, true));
    out.writeBytes(le(4).putInt(metaBytes.length).array());
    out.writeBytes(metaBytes);
    out.writeBytes(encode(explicitVr, undefinedLengths));
    return out.toByteArray();
  }

  /** (0002,0012) UI ImplementationClassUID. */
  private static final int IMPLEMENTATION_CLASS_UID = 0x00020012;

  /** The dataset alone (no preamble, no meta group). */
  public byte[] encode(boolean explicitVr, boolean undefinedLengths) {
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
      byte[] content = ((DicomDatasetWriter) item).encode(explicitVr, undefined);
      out.writeBytes(header(DicomTags.ITEM, null, undefined ? -1 : content.length, false));
      out.writeBytes(content);
      if (undefined) {
        out.writeBytes(header(DicomTags.ITEM_DELIMITATION, null, 0, false));
      }
    }
    return out.toByteArray();
  }

  /**
   * An element header: tag, then (explicit VR) the VR and a 2- or 4-byte length, or (implicit VR,
   * and always for items and delimiters, whose {@code vr} is null) a 4-byte length; -1 is the
   * undefined length.
   */
  public static byte[] header(int tag, VR vr, int length, boolean explicitVr) {
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

  /** The text of a plain element as added, without its padding; null when absent or not text. */
  private String textValue(int tag) {
    Object v = elements.get(tag);
    if (!(v instanceof byte[] raw)) {
      return null;
    }
    return new String(raw, StandardCharsets.ISO_8859_1).replace("\0", "").strip();
  }

  /** {@code v} as a DS string of at most 16 characters. */
  static String decimalString(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("a DS value must be finite, got " + v);
    }
    String s = Double.toString(v);
    if (s.length() <= 16) {
      return s;
    }
    for (int digits = 15; digits > 0; digits--) {
      String t = String.format(Locale.ROOT, "%." + digits + "g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
          .replace(".e", "e");
      if (t.endsWith(".")) {
        t = t.substring(0, t.length() - 1);
      }
      if (t.length() <= 16) {
        return t;
      }
    }
    throw new IllegalArgumentException("cannot write " + v + " as a DS value");
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
