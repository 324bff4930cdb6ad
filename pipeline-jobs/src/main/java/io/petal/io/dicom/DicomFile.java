package io.petal.io.dicom;

/**
 * A parsed DICOM file: its file meta information (group 0002; empty for a raw dataset without
 * Part 10 header), its transfer syntax and its dataset.
 *
 * @param source the file name or path the data came from, used in every error message
 * @param transferSyntax how the dataset was encoded
 * @param fileMeta the group 0002 elements
 * @param dataset the dataset; without pixel data when read header-only
 * @param headerOnly true when reading stopped before the pixel data element
 */
public record DicomFile(String source, TransferSyntax transferSyntax, DicomObject fileMeta,
    DicomObject dataset, boolean headerOnly) {

  /**
   * The decoded pixel frames of this image.
   *
   * @throws DicomFormatException when the file was read header-only, has no pixel data, uses a
   *     compressed transfer syntax, or its pixel attributes are unsupported or inconsistent
   */
  public DicomPixels pixels() throws DicomFormatException {
    if (headerOnly) {
      throw new DicomFormatException(source, "was read header-only; read it in full to decode"
          + " pixels");
    }
    return DicomPixels.of(this);
  }
}
