package io.petal.io.dicom;

import java.io.IOException;

/**
 * A DICOM file that this reader cannot or will not decode: truncated data, a malformed element,
 * an unknown or compressed transfer syntax, pixel data that does not match the image attributes.
 *
 * <p>The message always starts with the source (file name or path) and then states the reason, so
 * that a quarantine row or a log line alone says which file failed and why.
 */
public class DicomFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String reason;

  /** A failure in {@code source} (a file name or path) for the stated {@code reason}. */
  public DicomFormatException(String source, String reason) {
    super(source + ": " + reason);
    this.source = source;
    this.reason = reason;
  }

  /** As {@link #DicomFormatException(String, String)}, keeping the underlying {@code cause}. */
  public DicomFormatException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The file (name or path) that failed. */
  public String source() {
    return source;
  }

  /** Why it failed, without the source prefix. */
  public String reason() {
    return reason;
  }
}
