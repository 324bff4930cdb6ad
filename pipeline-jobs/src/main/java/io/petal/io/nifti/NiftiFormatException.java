package io.petal.io.nifti;

import io.petal.io.InputFormatException;

/**
 * A NIfTI-1 file that Petal cannot read: malformed, truncated or of an unsupported kind. The
 * message is {@code "<source>: <reason>"} so that a failed job names the file at fault.
 */
public class NiftiFormatException extends InputFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param source the file name or other description of where the bytes came from
   * @param reason what is wrong, in words a user can act on
   */
  public NiftiFormatException(String source, String reason) {
    super(source, reason);
  }

  /** The same, keeping the low-level cause (e.g. a {@link java.util.zip.ZipException}). */
  public NiftiFormatException(String source, String reason, Throwable cause) {
    super(source, reason, cause);
  }
}
