package io.petal.io.dicom;

import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset: the data elements of a file (or of one sequence item) by tag, in file order, with
 * typed getters. Item datasets know their parent, from which they inherit the character set.
 *
 * <p>Getters for absent attributes return null / an empty array / the given default; the
 * {@code require...} getters fail with a {@link DicomFormatException} naming the file and the
 * attribute instead. Numeric getters fail the same way on malformed values.
 */
public final class DicomObject {
  private final String source;
  private final DicomObject parent;
  private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();
  private Charset charset;

  /** An empty dataset of file {@code source}; {@code parent} is null for the top level. */
  DicomObject(String source, DicomObject parent) {
    this.source = source;
    this.parent = parent;
  }

  /** The file (name or path) this dataset was read from. */
  public String source() {
    return source;
  }

  /** The dataset holding the sequence this item belongs to; null at the top level. */
  public DicomObject parent() {
    return parent;
  }

  /** True when the element {@code tag} is present (possibly empty). */
  public boolean has(int tag) {
    return elements.containsKey(tag);
  }

  /** The element {@code tag}, or null. */
  public DicomElement get(int tag) {
    return elements.get(tag);
  }

  /** All elements in file order. */
  public Collection<DicomElement> elements() {
    return Collections.unmodifiableCollection(elements.values());
  }

  /** Number of elements. */
  public int size() {
    return elements.size();
  }

  /**
   * The value of {@code tag} as one trimmed string (multiple values keep their backslashes), or
   * null when absent or empty.
   */
  public String getString(int tag) throws DicomFormatException {
    DicomElement e = elements.get(tag);
    if (e == null || e.isEmpty()) {
      return null;
    }
    return e.getString();
  }

  /** As {@link #getString(int)}, with {@code defaultValue} for absent or empty. */
  public String getString(int tag, String defaultValue) throws DicomFormatException {
    String s = getString(tag);
    return s == null ? defaultValue : s;
  }

  /** The backslash-separated values of {@code tag}, trimmed; empty when absent or empty. */
  public String[] getStrings(int tag) throws DicomFormatException {
    DicomElement e = elements.get(tag);
    return e == null ? new String[0] : e.getStrings();
  }

  /** The numeric values of {@code tag} (see {@link DicomElement#getDoubles()}); empty if absent. */
  public double[] getDoubles(int tag) throws DicomFormatException {
    DicomElement e = elements.get(tag);
    return e == null ? new double[0] : e.getDoubles();
  }

  /** The first numeric value of {@code tag}, or {@code defaultValue} when absent or empty. */
  public double getDouble(int tag, double defaultValue) throws DicomFormatException {
    double[] values = getDoubles(tag);
    return values.length == 0 ? defaultValue : values[0];
  }

  /** The integer values of {@code tag}; empty if absent. */
  public int[] getInts(int tag) throws DicomFormatException {
    DicomElement e = elements.get(tag);
    return e == null ? new int[0] : e.getInts();
  }

  /** The first integer value of {@code tag}, or {@code defaultValue} when absent or empty. */
  public int getInt(int tag, int defaultValue) throws DicomFormatException {
    int[] values = getInts(tag);
    return values.length == 0 ? defaultValue : values[0];
  }

  /** The value of {@code tag}; fails naming the attribute when absent or empty. */
  public String requireString(int tag) throws DicomFormatException {
    String s = getString(tag);
    if (s == null) {
      throw missing(tag);
    }
    return s;
  }

  /** The first numeric value of {@code tag}; fails naming the attribute when absent or empty. */
  public double requireDouble(int tag) throws DicomFormatException {
    double[] values = getDoubles(tag);
    if (values.length == 0) {
      throw missing(tag);
    }
    return values[0];
  }

  /**
   * Exactly {@code count} numeric values of {@code tag} (e.g. 3 for ImagePositionPatient); fails
   * when absent or with another number of values.
   */
  public double[] requireDoubles(int tag, int count) throws DicomFormatException {
    double[] values = getDoubles(tag);
    if (values.length == 0) {
      throw missing(tag);
    }
    if (values.length != count) {
      throw new DicomFormatException(source, DicomDictionary.standard().describe(tag) + " has "
          + values.length + " values, expected " + count);
    }
    return values;
  }

  /** The first integer value of {@code tag}; fails naming the attribute when absent or empty. */
  public int requireInt(int tag) throws DicomFormatException {
    int[] values = getInts(tag);
    if (values.length == 0) {
      throw missing(tag);
    }
    return values[0];
  }

  /**
   * The items of sequence {@code tag}; empty when absent. A UN element in its place (an implicit
   * VR file's sequence unknown to the dictionary) is parsed as implicit VR little endian items.
   */
  public List<DicomObject> getSequence(int tag) throws DicomFormatException {
    DicomElement e = elements.get(tag);
    return e == null ? List.of() : e.items();
  }

  /** Item {@code index} (0-based) of sequence {@code tag}, or null when there is no such item. */
  public DicomObject getItem(int tag, int index) throws DicomFormatException {
    List<DicomObject> items = getSequence(tag);
    return index < items.size() ? items.get(index) : null;
  }

  /**
   * The private element {@code privateTag}, found through its creator: the block reserved by the
   * creator element (gggg,0010-00FF) whose value equals {@code privateTag.creator()}. When the
   * group has no creator elements at all (files stripped by careless tools) the conventional
   * block 0x10 is used. UN values (implicit VR) are returned as the private tag's VR. Null when
   * absent or when the group's creators are all others.
   */
  public DicomElement getPrivate(PrivateTag privateTag) throws DicomFormatException {
    boolean anyCreator = false;
    for (int block = 0x10; block <= 0xFF; block++) {
      DicomElement creator = elements.get(privateTag.group() << 16 | block);
      if (creator == null) {
        continue;
      }
      anyCreator = true;
      if (privateTag.creator().equals(creator.getString())) {
        return typed(elements.get(privateTag.tagInBlock(block)), privateTag);
      }
    }
    return anyCreator ? null : typed(elements.get(privateTag.conventionalTag()), privateTag);
  }

  /** The character set of text values: this dataset's SpecificCharacterSet, else the parent's. */
  public Charset charset() {
    if (charset == null) {
      DicomElement e = elements.get(DicomTags.SPECIFIC_CHARACTER_SET);
      if (e != null && !e.isEmpty() && !e.isSequence()) {
        try {
          charset = SpecificCharacterSets.forTerms(e.getStrings());
        } catch (DicomFormatException notText) {
          charset = SpecificCharacterSets.DEFAULT;
        }
      } else {
        charset = parent == null ? SpecificCharacterSets.DEFAULT : parent.charset();
      }
    }
    return charset;
  }

  /** Adds {@code element}; fails on a second element with the same tag. */
  void add(DicomElement element, int offset) throws DicomFormatException {
    if (elements.putIfAbsent(element.tag(), element) != null) {
      throw new DicomFormatException(source, "duplicate element " + element.describe()
          + " at offset " + offset);
    }
  }

  private static DicomElement typed(DicomElement e, PrivateTag privateTag)
      throws DicomFormatException {
    return e != null && e.vr() == VR.UN ? e.as(privateTag.vr()) : e;
  }

  private DicomFormatException missing(int tag) {
    return new DicomFormatException(source, "missing " + DicomDictionary.standard().describe(tag));
  }

  @Override
  public String toString() {
    return "DicomObject[" + source + ", " + elements.size() + " elements]";
  }
}
