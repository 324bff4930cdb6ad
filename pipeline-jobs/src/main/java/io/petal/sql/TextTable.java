package io.petal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable text table: a header, a rule, the rows; cells longer than {@link #MAX_CELL}
 * characters are cut with {@code …}; null shows as {@code NULL}; numeric columns are
 * right-aligned.
 */
final class TextTable {
  /** Longest cell shown whole, characters. */
  static final int MAX_CELL = 48;

  private TextTable() {}

  /**
   * @param rightAligned per column
   * @param rows cell texts (null for SQL NULL)
   * @param footer the last line, e.g. {@code (3 rows)}
   */
  static String render(List<String> header, boolean[] rightAligned, List<List<String>> rows, String footer) {
    int n = header.size();
    int[] width = new int[n];
    List<List<String>> cells = new ArrayList<>();
    for (List<String> r : rows) {
      List<String> shown = new ArrayList<>(n);
      for (int c = 0; c < n; c++) {
        shown.add(shown(r.get(c)));
      }
      cells.add(shown);
    }
    for (int c = 0; c < n; c++) {
      width[c] = header.get(c).length();
      for (List<String> r : cells) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width, new boolean[n]);
    for (int c = 0; c < n; c++) {
      sb.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
    }
    sb.append('\n');
    for (List<String> r : cells) {
      line(sb, r, width, rightAligned);
    }
    return sb.append(footer).append('\n').toString();
  }

  private static String shown(String cell) {
    if (cell == null) {
      return "NULL";
    }
    String oneLine = cell.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      String pad = " ".repeat(width[c] - v.length());
      sb.append(c == 0 ? "" : " | ").append(right[c] ? pad + v : v + pad);
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }
}
