package io.petal.io;

import java.util.List;

/** RFC 4180 CSV text: a header line and rows, fields quoted only when needed. */
public final class CsvText {
  private CsvText() {}

  /** The CSV document for {@code header} and {@code rows} (each row as long as the header). */
  public static String of(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header);
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("row has " + r.size() + " fields, header " + header.size());
      }
      appendLine(sb, r);
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(fields.get(i)));
    }
    sb.append('\n');
  }

  /** One CSV line (ending in a line feed) of {@code fields}; null fields are empty. */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    appendLine(sb, fields);
    return sb.toString();
  }

  /** One field: empty for null; quoted (with doubled quotes) when it holds , " or a line break. */
  public static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
