package io.petal.tables;

import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a model's output table (partitioned by cohort and model, e.g. {@code anomaly},
 * {@code masks}): the (cohort, model) partitions present in the rows are replaced whole (Spark's
 * dynamic partition overwrite), every other partition is kept. Re-running a model never
 * duplicates rows, and other models' rows are untouched.
 */
public final class ModelPartitions {
  private ModelPartitions() {}

  /** Replaces the partitions of {@code rows} (in {@code table}'s schema) under {@code W/tables/<name>}, zstd. */
  public static void replace(Warehouse w, TableContract table, Dataset<Row> rows) {
    rows.write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", "zstd")
        .partitionBy(table.partitionColumns())
        .parquet(w.table(table.name()));
  }
}
