package io.petal.sql;

import io.petal.io.HadoopFiles;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal sql}: one SQL query over views of every table of a warehouse
 * ({@link WarehouseViews}), its result printed as a text table or written as CSV, JSON Lines or an
 * Arrow IPC file ({@link ResultWriter}). Files are written atomically (a temporary name, then
 * renamed) on any Hadoop filesystem.
 */
public final class SqlJob {
  private static final Logger LOG = LoggerFactory.getLogger(SqlJob.class);

  /**
   * @param out file to write (any Hadoop path), or null for the caller's stream
   * @param withTensors keep the binary tensor columns in the views
   * @param tableRows rows shown by {@link ResultFormat#TABLE}
   */
  public record Options(Warehouse warehouse, String query, ResultFormat format, String out, boolean withTensors,
      int tableRows) {
    public Options {
      if (query == null || query.isBlank()) {
        throw new IllegalArgumentException("the SQL query is empty");
      }
      if (!format.isText() && out == null) {
        throw new IllegalArgumentException("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
            + " writes a binary file: give --out FILE");
      }
      if (tableRows < 1) {
        throw new IllegalArgumentException("rows to show must be at least 1, got " + tableRows);
      }
    }
  }

  private SqlJob() {}

  /**
   * The query's result over the warehouse's views. The views live in a new session of
   * {@code spark}'s context, so they never mix with another warehouse's or the caller's views.
   */
  public static Dataset<Row> query(SparkSession spark, Warehouse w, String sql, boolean withTensors) {
    SparkSession session = spark.newSession();
    WarehouseViews.register(session, w, withTensors);
    return session.sql(sql);
  }

  /**
   * Runs the query and writes its result to {@code o.out()}, or to {@code stdout} when that is null.
   *
   * @return rows written (for the text table: rows shown)
   */
  public static long run(SparkSession spark, Options o, OutputStream stdout) throws IOException {
    Dataset<Row> result = query(spark, o.warehouse(), o.query(), o.withTensors());
    if (o.out() == null) {
      long n = ResultWriter.write(result, o.format(), o.tableRows(), stdout);
      stdout.flush();
      return n;
    }
    long[] rows = new long[1];
    HadoopFiles.writeAtomically(o.out(), spark.sparkContext().hadoopConfiguration(),
        os -> rows[0] = ResultWriter.write(result, o.format(), o.tableRows(), os));
    LOG.info("sql: {} rows written to {} ({})", rows[0], o.out(), o.format());
    return rows[0];
  }
}
