package io.petal.sql;

import java.util.Locale;

/** How {@code petal sql} hands back a result. */
public enum ResultFormat {
  /** A readable text table (the first rows). */
  TABLE,
  /** CSV with a header line (RFC 4180), every row; nested values as JSON, binary as base64. */
  CSV,
  /** JSON Lines: one JSON object per row, every row (Spark's JSON; binary as base64). */
  JSON,
  /** Arrow IPC file format, every row, with the result's Spark schema as an Arrow schema. */
  ARROW;

  /** The format named {@code name} (any case). */
  public static ResultFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "': use table, csv, json or arrow", e);
    }
  }

  /** True for formats that are text (and may go to stdout). */
  public boolean isText() {
    return this != ARROW;
  }
}
