package io.petal.io.dicom;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * One data element: its tag, its VR and either its value bytes (a slice of the file buffer,
 * decoded only when asked) or, for a sequence, its items.
 *
 * <p>Text values are returned with the padding DICOM requires removed (trailing spaces and NULs;
 * leading spaces too except for the free-text VRs LT, ST, UT). Numbers decode from text (DS, IS)
 * and from every binary numeric VR in the file's byte order. Elements of implicit VR files that
 * the dictionary does not know (private tags among them) have VR UN; decode them with the VR the
 * caller knows through {@link #as(VR)}.
 */
public final class DicomElement {
  private final DicomObject owner;
  private final int tag;
  private final VR vr;
  private final ByteBuffer buffer;
  private final int offset;
  private final int length;
  private final boolean encapsulated;
  /** The items of a sequence; null for value elements. */
  private final List<DicomObject> items;

  /** A value element: {@code length} bytes at {@code offset} of {@code buffer} (its byte order). */
  DicomElement(DicomObject owner, int tag, VR vr, ByteBuffer buffer, int offset, int length,
      boolean encapsulated) {
    this.owner = owner;
    this.tag = tag;
    this.vr = vr;
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    this.encapsulated = encapsulated;
    this.items = null;
  }

  /** A sequence element holding {@code items}. */
  DicomElement(DicomObject owner, int tag, List<DicomObject> items) {
    this.owner = owner;
    this.tag = tag;
    this.vr = VR.SQ;
    this.buffer = null;
    this.offset = 0;
    this.length = 0;
    this.encapsulated = false;
    this.items = List.copyOf(items);
  }

  /** The tag, {@code group << 16 | element}. */
  public int tag() {
    return tag;
  }

  /** The VR: from the file (explicit VR) or from the dictionary (implicit VR; UN if unknown). */
  public VR vr() {
    return vr;
  }

  /** Value length in bytes as stored (for sequences: 0). */
  public int length() {
    return length;
  }

  /** True for a sequence (SQ) element. */
  public boolean isSequence() {
    return items != null;
  }

  /** True for encapsulated (compressed) pixel data; its value is not decodable here. */
  public boolean isEncapsulated() {
    return encapsulated;
  }

  /** True when the element has no value (zero length, or a sequence without items). */
  public boolean isEmpty() {
    return isSequence() ? items.isEmpty() : length == 0;
  }

  /** "(0028,1053) RescaleSlope" for messages. */
  public String describe() {
    return DicomDictionary.standard().describe(tag);
  }

  /**
   * This element's value read as {@code otherVr}: for UN elements of implicit VR files, whose type
   * the caller knows (e.g. a private DS). Returns this element when the VR is already
   * {@code otherVr}. A UN value read as SQ is parsed as implicit VR little endian items.
   */
  public DicomElement as(VR otherVr) throws DicomFormatException {
    if (otherVr == vr) {
      return this;
    }
    if (isSequence() || encapsulated) {
      throw error("a " + (encapsulated ? "compressed pixel data" : "sequence")
          + " element cannot be read as " + otherVr);
    }
    if (otherVr == VR.SQ) {
      return new DicomElement(owner, tag, DatasetParser.parseUnknownAsSequence(this));
    }
    return new DicomElement(owner, tag, otherVr, buffer, offset, length, false);
  }

  /**
   * The items of this sequence. A UN element (an implicit VR file's sequence the dictionary does
   * not know, or an explicit VR UN) is parsed as implicit VR little endian items, as PS3.5 6.2.2
   * prescribes for UN of unknown structure.
   */
  public List<DicomObject> items() throws DicomFormatException {
    if (isSequence()) {
      return items;
    }
    if (vr == VR.UN) {
      return as(VR.SQ).items;
    }
    throw error("is " + vr + ", not a sequence");
  }

  /** A copy of the value bytes, in the file's byte order. */
  public byte[] bytes() {
    byte[] out = new byte[length];
    if (length > 0) {
      buffer.get(offset, out);
    }
    return out;
  }

  /**
   * The value as one string, trimmed of padding, with backslashes between multiple values kept;
   * "" when empty. Binary numbers are formatted and joined with backslashes; opaque bytes (OB,
   * UN) are read as text in the dataset's character set.
   */
  public String getString() throws DicomFormatException {
    requireValue();
    if (vr.isText() || vr.kind() == VR.Kind.BYTES) {
      return trimText(rawText(), vr);
    }
    return String.join("\\", getStrings());
  }

  /**
   * The values, split at backslashes and trimmed (free text LT, ST, UT and UR is one value); an
   * empty array when the element is empty. Binary numbers are formatted one per value.
   */
  public String[] getStrings() throws DicomFormatException {
    requireValue();
    if (length == 0) {
      return new String[0];
    }
    if (vr.isText() || vr.kind() == VR.Kind.BYTES) {
      if (isSingleValuedText(vr)) {
        return new String[] {getString()};
      }
      String[] parts = rawText().split("\\\\", -1);
      for (int i = 0; i < parts.length; i++) {
        parts[i] = trimText(parts[i], VR.CS);
      }
      return parts;
    }
    if (vr.kind() == VR.Kind.TAG) {
      String[] out = new String[count()];
      for (int i = 0; i < out.length; i++) {
        int group = buffer.getShort(offset + 4 * i) & 0xFFFF;
        int element = buffer.getShort(offset + 4 * i + 2) & 0xFFFF;
        out[i] = DicomTags.format(group << 16 | element);
      }
      return out;
    }
    double[] values = getDoubles();
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      out[i] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
          : Double.toString(v);
    }
    return out;
  }

  /**
   * The values as numbers: DS and IS parsed from text; US, SS, UL, SL, UV, SV, FL, FD, OW, OL,
   * OV, OF and OD decoded in the file's byte order. Empty array when empty.
   *
   * @throws DicomFormatException for a non-numeric VR, a malformed DS/IS value or a binary value
   *     whose length is not a multiple of the value size
   */
  public double[] getDoubles() throws DicomFormatException {
    requireValue();
    if (vr == VR.DS || vr == VR.IS) {
      String[] parts = getStrings();
      double[] out = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        out[i] = parseDecimal(parts[i], i);
      }
      return out;
    }
    if (!vr.isBinaryNumber()) {
      throw error("has VR " + vr + ", which is not numeric");
    }
    int n = count();
    double[] out = new double[n];
    int size = vr.binarySize();
    for (int i = 0; i < n; i++) {
      out[i] = binaryValue(offset + i * size);
    }
    return out;
  }

  /**
   * The values as ints (IS, integral DS, and binary integer VRs).
   *
   * @throws DicomFormatException when a value is not an integer or does not fit an int
   */
  public int[] getInts() throws DicomFormatException {
    double[] values = getDoubles();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw error("value " + (i + 1) + " (" + v + ") is not a 32-bit integer");
      }
      out[i] = (int) v;
    }
    return out;
  }

  /** The dataset this element belongs to. */
  DicomObject owner() {
    return owner;
  }

  ByteBuffer buffer() {
    return buffer;
  }

  int offset() {
    return offset;
  }

  DicomFormatException error(String reason) {
    return new DicomFormatException(owner.source(), describe() + " " + reason);
  }

  private void requireValue() throws DicomFormatException {
    if (isSequence() || encapsulated) {
      throw error("has no single value (it is " + (encapsulated ? "compressed pixel data" : "a"
          + " sequence") + ")");
    }
  }

  private int count() throws DicomFormatException {
    int size = vr.binarySize();
    if (length % size != 0) {
      throw error("has length " + length + ", not a multiple of " + size + " for VR " + vr);
    }
    return length / size;
  }

  private double binaryValue(int at) {
    switch (vr) {
      case US:
      case OW:
        return buffer.getShort(at) & 0xFFFF;
      case SS:
        return buffer.getShort(at);
      case UL:
      case OL:
        return buffer.getInt(at) & 0xFFFFFFFFL;
      case SL:
        return buffer.getInt(at);
      case FL:
      case OF:
        return buffer.getFloat(at);
      case FD:
      case OD:
        return buffer.getDouble(at);
      case SV:
        return buffer.getLong(at);
      case UV:
      case OV:
        long v = buffer.getLong(at);
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
      default:
        throw new IllegalStateException("not a binary number VR: " + vr);
    }
  }

  private double parseDecimal(String text, int index) throws DicomFormatException {
    if (text.isEmpty()) {
      throw error("value " + (index + 1) + " is empty");
    }
    try {
      return vr == VR.IS ? Long.parseLong(text.startsWith("+") ? text.substring(1) : text)
          : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw error("value " + (index + 1) + " '" + text + "' is not a valid " + vr);
    }
  }

  private String rawText() {
    if (length == 0) {
      return "";
    }
    byte[] raw = new byte[length];
    buffer.get(offset, raw);
    Charset charset = vr.kind() == VR.Kind.ASCII_TEXT ? SpecificCharacterSets.DEFAULT
        : owner.charset();
    return new String(raw, charset);
  }

  private static boolean isSingleValuedText(VR vr) {
    return vr == VR.LT || vr == VR.ST || vr == VR.UT || vr == VR.UR;
  }

  private static String trimText(String text, VR vr) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
      end--;
    }
    int start = 0;
    if (!isSingleValuedText(vr)) {
      while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\0')) {
        start++;
      }
    }
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return describe() + " " + vr + (isSequence() ? " #" + items.size() + " items"
        : " " + length + " bytes");
  }
}
