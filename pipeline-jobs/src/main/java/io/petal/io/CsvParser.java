package io.petal.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 4180 CSV text (what {@link CsvText} writes): fields separated by commas, records by
 * LF, CRLF or CR; a field in double quotes may hold commas, line breaks and doubled quotes
 * ({@code ""} for one {@code "}). Blank lines are skipped and a leading UTF-8 byte order mark is
 * ignored. Fields are returned as written (no trimming); an empty field is the empty string. A
 * quote inside an unquoted field is an ordinary character.
 */
public final class CsvParser {
  private final String text;
  private final String source;
  private final List<List<String>> records = new ArrayList<>();
  private List<String> record = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private int pos;
  private int line = 1;

  private CsvParser(String text, String source) {
    this.text = text;
    this.source = source;
    this.pos = text.startsWith("\uFEFF") ? 1 : 0;
  }

  /**
   * The records of {@code text}, in order.
   *
   * @param source file name for error messages
   * @throws CsvFormatException for a quoted field that is never closed, or one followed by
   *     anything but a comma or a line break; the message names {@code source} and the line
   */
  public static List<List<String>> parse(String text, String source) throws CsvFormatException {
    CsvParser p = new CsvParser(text, source);
    p.run();
    return p.records;
  }

  private void run() throws CsvFormatException {
    boolean quoted = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"' && field.length() == 0 && !quoted) {
        readQuoted();
        quoted = true;
      } else if (c == ',') {
        endField();
        quoted = false;
        pos++;
      } else if (c == '\n' || c == '\r') {
        endRecord(quoted);
        quoted = false;
        pos += c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n' ? 2 : 1;
        line++;
      } else {
        field.append(c);
        pos++;
      }
    }
    endRecord(quoted);
  }

  /** Reads a quoted field from its opening quote to just past its closing quote. */
  private void readQuoted() throws CsvFormatException {
    int startLine = line;
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new CsvFormatException(source, "the quoted field opened on line " + startLine + " is never closed");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        if (pos < text.length() && text.charAt(pos) == '"') {
          field.append('"');
          pos++;
          continue;
        }
        break;
      }
      if (c == '\n') {
        line++;
      }
      field.append(c);
    }
    if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
      throw new CsvFormatException(source, "line " + line
          + ": a quoted field must be followed by a comma or the end of the line");
    }
  }

  private void endField() {
    record.add(field.toString());
    field.setLength(0);
  }

  /** Ends the current record; a blank line (one empty unquoted field) is dropped. */
  private void endRecord(boolean lastFieldQuoted) {
    endField();
    if (record.size() > 1 || !record.get(0).isEmpty() || lastFieldQuoted) {
      records.add(record);
    }
    record = new ArrayList<>();
  }
}
