package io.petal.io;

import java.io.IOException;

/**
 * An input file that Petal cannot or will not decode (malformed, truncated, of an unsupported
 * kind). The message is always {@code "<source>: <reason>"}, so a quarantine row or a log line
 * alone says which file failed and why. Each format has its own subclass.
 */
public class InputFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String reason;

  /**
   * @param source the file name or other description of where the bytes came from
   * @param reason what is wrong, in words a user can act on
   */
  public InputFormatException(String source, String reason) {
    super(source + ": " + reason);
    this.source = source;
    this.reason = reason;
  }

  /** The same, keeping the low-level cause. */
  public InputFormatException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
    this.source = source;
    this.reason = reason;
  }

  /** The file name or description of the input. */
  public String source() {
    return source;
  }

  /** What is wrong with it, without the source. */
  public String reason() {
    return reason;
  }
}
