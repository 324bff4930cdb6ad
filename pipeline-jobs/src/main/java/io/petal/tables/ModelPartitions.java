package io.petal.tables;

import io.petal.schema.Columns;
import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

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

  /**
   * Like {@link #replace(Warehouse, TableContract, Dataset)}, and afterwards removes the
   * partitions of {@code models} × {@code cohorts} that the rows did not write (a model that now
   * produced nothing for a cohort leaves no stale rows).
   *
   * @param modelColumn the table's model partition column
   */
  public static void replace(SparkSession spark, Warehouse w, TableContract table, Dataset<Row> rows,
      String modelColumn, Set<String> models, Set<String> cohorts) {
    Set<String> written = new HashSet<>();
    List<Row> pairs = rows.select(Columns.COHORT, modelColumn).distinct().collectAsList();
    for (Row r : pairs) {
      written.add(r.getString(0) + "/" + r.getString(1));
    }
    if (!pairs.isEmpty()) {
      replace(w, table, rows);
    }
    for (String cohort : cohorts) {
      for (String model : models) {
        if (!written.contains(cohort + "/" + model)) {
          Path p = new Path(w.table(table.name()), Columns.COHORT + "=" + cohort + "/" + modelColumn + "=" + model);
          try {
            p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p, e);
          }
        }
      }
    }
  }
}
