package io.petal.tables;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Replaces whole cohort partitions of a table partitioned by {@link Columns#COHORT}: a job that
 * recomputed cohorts C writes its rows with Spark's dynamic partition overwrite (each partition it
 * writes is swapped in whole, others are untouched) and removes the partitions of cohorts in C that
 * now have no row. Re-running a job therefore never duplicates rows. Small tables ({@code studies},
 * {@code quarantine}) are merged on the driver with {@link #rows} and written back with
 * {@link #replace(SparkSession, Warehouse, TableContract, String, List)}.
 */
public final class CohortPartitions {
  /** Spark SQL's choice between generated and interpreted projections and predicates. */
  private static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";
  private static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";

  private CohortPartitions() {}

  /** The cohort's rows of {@code t} in contract column order (none when the table does not exist yet). */
  public static List<Row> rows(SparkSession spark, Warehouse w, TableContract t, String cohort) {
    Dataset<Row> d = IngestedTables.readIfExists(spark, w, t);
    if (d == null) {
      return List.of();
    }
    Column[] cols = Arrays.stream(t.schema().fieldNames()).map(functions::col).toArray(Column[]::new);
    return d.filter(functions.col(Columns.COHORT).equalTo(cohort)).select(cols).collectAsList();
  }

  /**
   * Replaces the cohort's partition of {@code t} by {@code rows} (none: the partition is removed), as one file.
   *
   * @throws IllegalArgumentException when a row belongs to another cohort
   */
  public static void replace(SparkSession spark, Warehouse w, TableContract t, String cohort, List<Row> rows) {
    int col = t.schema().fieldIndex(Columns.COHORT);
    for (Row r : rows) {
      if (!cohort.equals(r.get(col))) {
        throw new IllegalArgumentException("a row of cohort " + r.get(col) + " cannot replace partition " + cohort
            + " of " + t.name());
      }
    }
    // the rows are on the driver: which cohorts they hold needs no Spark job
    interpreted(spark, () -> write(spark, w, t, spark.createDataFrame(rows, t.schema()).coalesce(1), Set.of(cohort),
        rows.isEmpty() ? Set.of() : Set.of(cohort)));
  }

  /**
   * Runs {@code write} with Spark SQL's expressions interpreted instead of compiled: for the few
   * hundred rows of a driver-side table, generating and compiling Java code (Janino) costs far
   * more than it saves — about 0.3 s of a cold ingest's commit. The session's settings are
   * restored after; jobs of one session run one at a time.
   */
  private static void interpreted(SparkSession spark, Runnable write) {
    Map<String, String> before = new HashMap<>();
    for (String key : List.of(CODEGEN_FACTORY_MODE, WHOLE_STAGE_CODEGEN)) {
      before.put(key, spark.conf().contains(key) ? spark.conf().get(key) : null);
    }
    spark.conf().set(CODEGEN_FACTORY_MODE, "NO_CODEGEN");
    spark.conf().set(WHOLE_STAGE_CODEGEN, "false");
    try {
      write.run();
    } finally {
      before.forEach((key, value) -> {
        if (value == null) {
          spark.conf().unset(key);
        } else {
          spark.conf().set(key, value);
        }
      });
    }
  }

  /**
   * Writes {@code rows} (in the contract's schema) as the new content of the partitions of
   * {@code cohorts} in {@code W/tables/<table>}, Parquet with zstd.
   */
  public static void replace(SparkSession spark, Warehouse w, TableContract table, Dataset<Row> rows,
      Set<String> cohorts) {
    Set<String> written = new HashSet<>(rows.select(Columns.COHORT).distinct().as(Encoders.STRING()).collectAsList());
    write(spark, w, table, rows, cohorts, written);
  }

  /** Removes the partitions of {@code cohorts} that get no row, and writes {@code rows}, whose cohorts are {@code written}. */
  private static void write(SparkSession spark, Warehouse w, TableContract table, Dataset<Row> rows,
      Set<String> cohorts, Set<String> written) {
    String path = w.table(table.name());
    for (String cohort : cohorts) {
      if (!written.contains(cohort)) {
        delete(spark, new Path(path, Columns.COHORT + "=" + cohort));
      }
    }
    if (written.isEmpty()) {
      mkdirs(spark, new Path(path)); // the table exists, without rows
      return;
    }
    rows.write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", "zstd")
        .partitionBy(Columns.COHORT)
        .parquet(path);
  }

  private static void mkdirs(SparkSession spark, Path table) {
    try {
      table.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + table, e);
    }
  }

  private static void delete(SparkSession spark, Path partition) {
    try {
      partition.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(partition, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + partition, e);
    }
  }
}
