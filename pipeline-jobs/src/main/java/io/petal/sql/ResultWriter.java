package io.petal.sql;

import io.petal.io.CsvText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a query result in a {@link ResultFormat} to a stream. CSV, JSON and Arrow stream every
 * row through the driver one partition at a time ({@code toLocalIterator}), so a result larger
 * than the driver's memory can still be exported; the text table shows the first rows only.
 */
public final class ResultWriter {
  private ResultWriter() {}

  /**
   * @param tableRows rows shown by {@link ResultFormat#TABLE}
   * @return rows written (for the table: rows shown)
   */
  public static long write(Dataset<Row> result, ResultFormat format, int tableRows, OutputStream out)
      throws IOException {
    return switch (format) {
      case TABLE -> table(result, tableRows, out);
      case CSV -> csv(result, out);
      case JSON -> json(result, out);
      case ARROW -> ArrowResultWriter.write(result, out);
    };
  }

  private static long table(Dataset<Row> result, int maxRows, OutputStream out) throws IOException {
    List<Row> rows = TextColumns.of(result).limit(maxRows + 1).collectAsList();
    StructField[] fields = result.schema().fields();
    boolean[] right = new boolean[fields.length];
    for (int c = 0; c < fields.length; c++) {
      right[c] = TextColumns.numeric(fields[c].dataType());
    }
    List<List<String>> cells = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(rows.size(), maxRows))) {
      cells.add(strings(r));
    }
    String footer = rows.size() > maxRows ? "(first " + maxRows + " rows shown; more exist)"
        : "(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)");
    Writer w = writer(out);
    w.write(TextTable.render(Arrays.asList(result.columns()), right, cells, footer));
    w.flush();
    return cells.size();
  }

  private static long csv(Dataset<Row> result, OutputStream out) throws IOException {
    Writer w = writer(out);
    w.write(CsvText.line(Arrays.asList(result.columns())));
    long n = 0;
    for (Iterator<Row> it = TextColumns.of(result).toLocalIterator(); it.hasNext(); n++) {
      w.write(CsvText.line(strings(it.next())));
    }
    w.flush();
    return n;
  }

  private static long json(Dataset<Row> result, OutputStream out) throws IOException {
    Writer w = writer(out);
    long n = 0;
    for (Iterator<String> it = result.toJSON().toLocalIterator(); it.hasNext(); n++) {
      w.write(it.next());
      w.write('\n');
    }
    w.flush();
    return n;
  }

  private static List<String> strings(Row r) {
    List<String> s = new ArrayList<>(r.length());
    for (int c = 0; c < r.length(); c++) {
      s.add(r.isNullAt(c) ? null : r.getString(c));
    }
    return s;
  }

  /** A UTF-8 writer that does not close {@code out}. */
  private static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }
}
