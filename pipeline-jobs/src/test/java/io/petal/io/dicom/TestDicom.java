package io.petal.io.dicom;

import java.util.Arrays;

/**
 * A small DICOM writer for test fixtures: builds a dataset element by element and writes it as a
 * Part 10 file in explicit or implicit VR little endian, with sequences and items of defined or
 * undefined length. A thin test face of {@link DicomDatasetWriter} that keeps the fixtures' fixed
 * meta group (a PET SOP class, instance 1.2.3.4) and can name any transfer syntax.
 */
public final class TestDicom {
  private final DicomDatasetWriter dataset;

  public TestDicom() {
    this(new DicomDatasetWriter());
  }

  private TestDicom(DicomDatasetWriter dataset) {
    this.dataset = dataset;
  }

  /** A text element, padded to even length (NUL for UI, space otherwise). */
  public TestDicom text(int tag, VR vr, String value) {
    dataset.text(tag, vr, value);
    return this;
  }

  /** A DS element with the given numbers. */
  public TestDicom ds(int tag, double... values) {
    dataset.ds(tag, values);
    return this;
  }

  /** A US element. */
  public TestDicom us(int tag, int... values) {
    dataset.us(tag, values);
    return this;
  }

  /** An FD element. */
  public TestDicom fd(int tag, double... values) {
    dataset.fd(tag, values);
    return this;
  }

  /** Any element from its value bytes (little endian). */
  public TestDicom bytes(int tag, VR vr, byte[] value) {
    dataset.bytes(tag, vr, value);
    return this;
  }

  /** A sequence of {@code items}. */
  public TestDicom sequence(int tag, TestDicom... items) {
    dataset.sequence(tag, Arrays.stream(items).map(i -> i.dataset).toArray(DicomDatasetWriter[]::new));
    return this;
  }

  /** 16-bit words as OW bytes. */
  public static byte[] words(int... values) {
    return DicomDatasetWriter.words(values);
  }

  /** 32-bit words as little endian bytes. */
  public static byte[] ints(long... values) {
    return DicomDatasetWriter.ints(values);
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
    return dataset.toPart10(new DicomDatasetWriter.Meta("1.2.840.10008.5.1.4.1.1.128", "1.2.3.4", transferSyntaxUid,
        null), explicitVr, undefinedLengths);
  }

  /** The dataset alone (no preamble, no meta group). */
  byte[] encode(boolean explicitVr, boolean undefinedLengths) {
    return dataset.encode(explicitVr, undefinedLengths);
  }

  /** An element header; {@code vr} null for items and delimiters (tag + 4-byte length). */
  static byte[] header(int tag, VR vr, int length, boolean explicitVr) {
    return DicomDatasetWriter.header(tag, vr, length, explicitVr);
  }

  /** A copy of this dataset builder's current elements as a new builder. */
  public TestDicom copy() {
    return new TestDicom(dataset.copy());
  }

  /** Removes {@code tag}. */
  public TestDicom remove(int tag) {
    dataset.remove(tag);
    return this;
  }
}
