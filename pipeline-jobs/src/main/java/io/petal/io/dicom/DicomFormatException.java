package io.petal.io.dicom;

import io.petal.io.InputFormatException;

/**
 * A DICOM file that this reader cannot or will not decode: truncated data, a malformed element,
 * an unknown or compressed transfer syntax, pixel data that does not match the image attributes.
 * The message is {@code "<source>: <reason>"}.
 */
public class DicomFormatException extends InputFormatException {
  private static final long serialVersionUID = 1L;

  /** A failure in {@code source} (a file name or path) for the stated {@code reason}. */
  public DicomFormatException(String source, String reason) {
    super(source, reason);
  }

  /** As {@link #DicomFormatException(String, String)}, keeping the underlying {@code cause}. */
  public DicomFormatException(String source, String reason, Throwable cause) {
    super(source, reason, cause);
  }
}
