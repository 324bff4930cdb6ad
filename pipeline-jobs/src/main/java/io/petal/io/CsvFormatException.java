package io.petal.io;

/** Malformed CSV text; the message names the file and the line. */
public final class CsvFormatException extends InputFormatException {
  private static final long serialVersionUID = 1L;

  public CsvFormatException(String source, String reason) {
    super(source, reason);
  }
}
