package io.petal.tables;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Small tables partitioned by cohort ({@code studies}, {@code quarantine}) are rewritten one cohort
 * at a time: read the cohort's rows, merge on the driver, replace the partition (Spark's dynamic
 * partition overwrite, so other cohorts are untouched).
 */
public final class CohortPartitions {
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

  /** Replaces the cohort's partition of {@code t} by {@code rows} (none: the partition is removed). */
  public static void replace(SparkSession spark, Warehouse w, TableContract t, String cohort, List<Row> rows) {
    if (rows.isEmpty()) {
      Path partition = new Path(w.table(t.name()), Columns.COHORT + "=" + cohort);
      try {
        partition.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(partition, true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot clear " + partition, e);
      }
      return;
    }
    spark.createDataFrame(rows, t.schema()).coalesce(1).write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(Columns.COHORT)
        .parquet(w.table(t.name()));
  }
}
