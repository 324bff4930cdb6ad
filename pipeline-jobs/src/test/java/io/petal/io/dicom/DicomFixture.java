package io.petal.io.dicom;

/**
 * The package's test DICOM writer ({@link TestDicom}) for tests in other packages: builds a
 * dataset element by element (sequences included) and writes it as a Part 10 file in explicit VR
 * little endian with defined lengths, or reads it straight back as a {@link DicomFile}.
 */
public final class DicomFixture {
  private final TestDicom dataset = new TestDicom();

  /** A text element (padded to even length). */
  public DicomFixture text(int tag, VR vr, String value) {
    dataset.text(tag, vr, value);
    return this;
  }

  /** A DS element with the given numbers. */
  public DicomFixture ds(int tag, double... values) {
    dataset.ds(tag, values);
    return this;
  }

  /** An IS element. */
  public DicomFixture is(int tag, int value) {
    dataset.text(tag, VR.IS, Integer.toString(value));
    return this;
  }

  /** A US element. */
  public DicomFixture us(int tag, int... values) {
    dataset.us(tag, values);
    return this;
  }

  /** An FD element. */
  public DicomFixture fd(int tag, double... values) {
    dataset.fd(tag, values);
    return this;
  }

  /** Any element from its little endian value bytes (e.g. OB pixel data). */
  public DicomFixture bytes(int tag, VR vr, byte[] value) {
    dataset.bytes(tag, vr, value);
    return this;
  }

  /** A sequence of {@code items}. */
  public DicomFixture sequence(int tag, DicomFixture... items) {
    TestDicom[] raw = new TestDicom[items.length];
    for (int i = 0; i < items.length; i++) {
      raw[i] = items[i].dataset;
    }
    dataset.sequence(tag, raw);
    return this;
  }

  /** Removes {@code tag}. */
  public DicomFixture remove(int tag) {
    dataset.remove(tag);
    return this;
  }

  /** The Part 10 file, explicit VR little endian. */
  public byte[] toPart10() {
    return dataset.toPart10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false);
  }

  /** The file parsed back by {@link DicomReader}; {@code source} names it in messages. */
  public DicomFile read(String source) throws DicomFormatException {
    return DicomReader.read(toPart10(), source);
  }
}
