package io.petal.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses data elements from a byte buffer with absolute offsets: element headers in explicit or
 * implicit VR, sequences and items of defined and undefined length at any depth, encapsulated
 * pixel data. Values are not copied or decoded; elements keep a slice of the buffer.
 *
 * <p>Strict: every length is checked against the end of its enclosing item or of the file, item
 * tags must be items or delimiters, and an undefined-length sequence or item must be closed by its
 * delimiter before the data ends. Failures are {@link DicomFormatException}s naming the file, the
 * element and the byte offset.
 */
final class DatasetParser {
  /** Deeper nesting than this is taken as corrupt data rather than risking a stack overflow. */
  private static final int MAX_DEPTH = 64;

  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
  private static final int HEADER = 8;

  private final String source;
  private final DicomDictionary dictionary;
  private boolean stopBeforePixelData;
  private boolean stoppedBeforePixelData;

  /** How elements are encoded: the buffer (with its byte order) and whether VRs are explicit. */
  record Encoding(ByteBuffer buffer, boolean explicitVr) {
    /** The same bytes read as implicit VR little endian (PS3.5 6.2.2, UN of unknown content). */
    Encoding implicitLittleEndian() {
      ByteBuffer le = buffer.order() == ByteOrder.LITTLE_ENDIAN ? buffer
          : buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      return new Encoding(le, false);
    }
  }

  DatasetParser(String source, DicomDictionary dictionary) {
    this.source = source;
    this.dictionary = dictionary;
  }

  /** Makes {@link #parseDataset} stop at the top-level pixel data element (header-only reads). */
  void stopBeforePixelData(boolean stop) {
    this.stopBeforePixelData = stop;
  }

  /** True when the last {@link #parseDataset} stopped at pixel data. */
  boolean stoppedBeforePixelData() {
    return stoppedBeforePixelData;
  }

  /**
   * Parses the file meta information group 0002 (always explicit VR little endian) starting at
   * {@code start} into {@code meta}; returns the offset of the first element after it.
   */
  int parseFileMeta(ByteBuffer littleEndian, int start, DicomObject meta)
      throws DicomFormatException {
    Encoding enc = new Encoding(littleEndian, true);
    int end = littleEndian.limit();
    int pos = start;
    while (end - pos >= 4 && (littleEndian.getShort(pos) & 0xFFFF) == 0x0002) {
      pos = parseElement(meta, pos, end, enc, 0, false);
    }
    return pos;
  }

  /** Parses the top-level dataset from {@code start} to the end of the buffer into {@code ds}. */
  void parseDataset(Encoding enc, int start, DicomObject ds) throws DicomFormatException {
    stoppedBeforePixelData = false;
    parseElements(ds, start, enc.buffer().limit(), false, enc, 0, true);
  }

  /** The items of a UN element, parsed as an implicit VR little endian sequence. */
  static List<DicomObject> parseUnknownAsSequence(DicomElement element)
      throws DicomFormatException {
    DicomObject owner = element.owner();
    DatasetParser parser = new DatasetParser(owner.source(), DicomDictionary.standard());
    Encoding enc = new Encoding(element.buffer(), false).implicitLittleEndian();
    List<DicomObject> items = new ArrayList<>();
    int start = element.offset();
    parser.parseItems(items, element.tag(), start, start + element.length(), false, enc, owner, 1);
    return items;
  }

  /**
   * Parses elements into {@code ds} from {@code pos} up to {@code end}. In an undefined-length
   * item, parsing ends after the item delimitation item, which must come before {@code end}.
   * Returns the offset after the last byte consumed.
   */
  private int parseElements(DicomObject ds, int pos, int end, boolean undefinedLengthItem,
      Encoding enc, int depth, boolean topLevel) throws DicomFormatException {
    ByteBuffer buf = enc.buffer();
    while (pos < end) {
      requireBytes(pos, HEADER, end, "element header");
      int tag = readTag(buf, pos);
      if (tag == DicomTags.ITEM_DELIMITATION) {
        if (topLevel) {
          throw fail("item delimitation item outside any item", pos);
        }
        return pos + HEADER;
      }
      if ((tag >>> 16) == 0xFFFE) {
        throw fail("unexpected " + DicomTags.format(tag) + " where a data element should be",
            pos);
      }
      if (topLevel && stopBeforePixelData && isPixelData(tag)) {
        stoppedBeforePixelData = true;
        return pos;
      }
      pos = parseElement(ds, pos, end, enc, depth, topLevel);
    }
    if (undefinedLengthItem) {
      throw fail("item of undefined length is not closed by an item delimitation item before"
          + " the data ends (truncated file?)", end);
    }
    return pos;
  }

  /** Parses the element at {@code pos} into {@code ds}; returns the offset after it. */
  private int parseElement(DicomObject ds, int pos, int end, Encoding enc, int depth,
      boolean topLevel) throws DicomFormatException {
    ByteBuffer buf = enc.buffer();
    requireBytes(pos, HEADER, end, "element header");
    int tag = readTag(buf, pos);
    VR vr;
    long length;
    int valueStart;
    if (enc.explicitVr()) {
      vr = VR.forCode(buf.get(pos + 4), buf.get(pos + 5));
      if (vr == null) {
        throw fail("element " + dictionary.describe(tag) + " has an unknown VR "
            + vrText(buf, pos + 4), pos);
      }
      if (vr.hasLongLength()) {
        requireBytes(pos, 12, end, "element header of " + dictionary.describe(tag));
        length = buf.getInt(pos + 8) & 0xFFFFFFFFL;
        valueStart = pos + 12;
      } else {
        length = buf.getShort(pos + 6) & 0xFFFF;
        valueStart = pos + HEADER;
      }
    } else {
      vr = implicitVr(ds, tag);
      length = buf.getInt(pos + 4) & 0xFFFFFFFFL;
      valueStart = pos + HEADER;
    }

    if (length == UNDEFINED_LENGTH) {
      if (isPixelData(tag) && (vr == VR.OB || vr == VR.OW || !enc.explicitVr())) {
        int after = skipFragments(tag, valueStart, end, buf);
        ds.add(new DicomElement(ds, tag, vr, buf, valueStart, after - valueStart, true), pos);
        return after;
      }
      if (vr != VR.SQ && vr != VR.UN && enc.explicitVr()) {
        throw fail("element " + dictionary.describe(tag) + " with VR " + vr
            + " has undefined length", pos);
      }
      Encoding itemEncoding = vr == VR.UN && enc.explicitVr() ? enc.implicitLittleEndian() : enc;
      List<DicomObject> items = new ArrayList<>();
      int after = parseItems(items, tag, valueStart, end, true, itemEncoding, ds, depth + 1);
      ds.add(new DicomElement(ds, tag, items), pos);
      return after;
    }

    if (length > end - valueStart) {
      throw fail("element " + dictionary.describe(tag) + " has length " + length + " but only "
          + Math.max(0, end - valueStart) + " bytes remain in the "
          + (topLevel && end == buf.limit() ? "file (truncated file?)" : "enclosing item"), pos);
    }
    int valueEnd = valueStart + (int) length;
    if (vr == VR.SQ) {
      List<DicomObject> items = new ArrayList<>();
      parseItems(items, tag, valueStart, valueEnd, false, enc, ds, depth + 1);
      ds.add(new DicomElement(ds, tag, items), pos);
    } else {
      ds.add(new DicomElement(ds, tag, vr, buf, valueStart, (int) length, false), pos);
    }
    return valueEnd;
  }

  /**
   * Parses the items of sequence {@code seqTag} starting at {@code pos}. For a defined-length
   * sequence the items fill {@code pos..end} exactly; an undefined-length one ends with a
   * sequence delimitation item before {@code end}. Returns the offset after the sequence.
   */
  private int parseItems(List<DicomObject> items, int seqTag, int pos, int end,
      boolean undefinedLength, Encoding enc, DicomObject parent, int depth)
      throws DicomFormatException {
    if (depth > MAX_DEPTH) {
      throw fail("sequences nested deeper than " + MAX_DEPTH + " levels", pos);
    }
    ByteBuffer buf = enc.buffer();
    while (true) {
      if (!undefinedLength && pos == end) {
        return pos;
      }
      requireBytes(pos, HEADER, end, "item header in sequence " + dictionary.describe(seqTag)
          + (undefinedLength ? " (sequence not closed by a delimitation item)" : ""));
      int tag = readTag(buf, pos);
      long length = buf.getInt(pos + 4) & 0xFFFFFFFFL;
      if (tag == DicomTags.SEQUENCE_DELIMITATION && undefinedLength) {
        return pos + HEADER;
      }
      if (tag != DicomTags.ITEM) {
        throw fail("bad item tag " + DicomTags.format(tag) + " in sequence "
            + dictionary.describe(seqTag), pos);
      }
      DicomObject item = new DicomObject(source, parent);
      int itemStart = pos + HEADER;
      if (length == UNDEFINED_LENGTH) {
        pos = parseElements(item, itemStart, end, true, enc, depth, false);
      } else {
        if (length > end - itemStart) {
          throw fail("item of sequence " + dictionary.describe(seqTag) + " has length " + length
              + " but only " + (end - itemStart) + " bytes remain", pos);
        }
        int itemEnd = itemStart + (int) length;
        int after = parseElements(item, itemStart, itemEnd, false, enc, depth, false);
        if (after != itemEnd) {
          throw fail("item of sequence " + dictionary.describe(seqTag) + " ends at offset " + after
              + " before its stated length", pos);
        }
        pos = itemEnd;
      }
      items.add(item);
    }
  }

  /**
   * Skips the items (offset table and fragments) of encapsulated pixel data up to and including
   * the sequence delimitation item; returns the offset after it.
   */
  private int skipFragments(int tag, int pos, int end, ByteBuffer buf)
      throws DicomFormatException {
    while (true) {
      requireBytes(pos, HEADER, end, "fragment header of encapsulated "
          + dictionary.describe(tag));
      int itemTag = readTag(buf, pos);
      long length = buf.getInt(pos + 4) & 0xFFFFFFFFL;
      if (itemTag == DicomTags.SEQUENCE_DELIMITATION) {
        return pos + HEADER;
      }
      if (itemTag != DicomTags.ITEM || length == UNDEFINED_LENGTH) {
        throw fail("bad fragment item " + DicomTags.format(itemTag) + " in encapsulated "
            + dictionary.describe(tag), pos);
      }
      if (length > end - pos - HEADER) {
        throw fail("pixel data fragment of length " + length + " runs past the end of the data"
            + " (truncated file?)", pos);
      }
      pos += HEADER + (int) length;
    }
  }

  private VR implicitVr(DicomObject ds, int tag) throws DicomFormatException {
    VR vr = dictionary.vr(tag);
    if (vr == VR.US && dictionary.isSignedWithPixelRepresentation(tag)) {
      for (DicomObject d = ds; d != null; d = d.parent()) {
        DicomElement pr = d.get(DicomTags.PIXEL_REPRESENTATION);
        if (pr != null && pr.vr() == VR.US && pr.length() == 2) {
          return pr.getInts()[0] == 1 ? VR.SS : VR.US;
        }
      }
    }
    return vr;
  }

  private static boolean isPixelData(int tag) {
    return tag == DicomTags.PIXEL_DATA || tag == DicomTags.FLOAT_PIXEL_DATA
        || tag == DicomTags.DOUBLE_FLOAT_PIXEL_DATA;
  }

  private static int readTag(ByteBuffer buf, int pos) {
    return (buf.getShort(pos) & 0xFFFF) << 16 | (buf.getShort(pos + 2) & 0xFFFF);
  }

  private void requireBytes(int pos, int needed, int end, String what)
      throws DicomFormatException {
    if (end - pos < needed) {
      throw fail("truncated " + what + ": needs " + needed + " bytes, " + Math.max(0, end - pos)
          + " remain", pos);
    }
  }

  private static String vrText(ByteBuffer buf, int pos) {
    int c0 = buf.get(pos) & 0xFF;
    int c1 = buf.get(pos + 1) & 0xFF;
    return String.format("0x%02X%02X", c0, c1);
  }

  private DicomFormatException fail(String reason, int offset) {
    return new DicomFormatException(source, reason + " (at byte offset " + offset + ")");
  }
}
