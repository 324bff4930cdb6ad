package io.petal.report;

import java.awt.Color;

/** Text escaping and small building blocks for the report page. */
final class Html {
  private Html() {}

  /** {@code text} safe inside an element or a double-quoted attribute. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A table cell with escaped text, right-aligned when {@code number}. */
  static String cell(String text, boolean number) {
    return (number ? "<td class=\"num\">" : "<td>") + escape(text) + "</td>";
  }

  /** A header cell with escaped text, right-aligned when {@code number}. */
  static String header(String text, boolean number) {
    return (number ? "<th class=\"num\">" : "<th>") + escape(text) + "</th>";
  }

  /** A small colour square for a method's colour in tables. */
  static String swatch(Color colour) {
    return String.format("<span class=\"swatch\" style=\"background:#%06x\"></span>", colour.getRGB() & 0xFFFFFF);
  }
}
