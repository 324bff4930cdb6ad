package io.petal.tables;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the rows of some models in a table that is partitioned by {@link Columns#COHORT} only
 * but holds several models' rows side by side (e.g. {@code masks}): within the given cohorts, the
 * rows of the given models become {@code rows}, every other model's rows stay, other cohorts are
 * untouched. Re-running with the same rows leaves the table as it was (idempotent).
 *
 * <p>How: the kept rows of those cohorts and the new rows are first written to a staging folder
 * {@code W/tables/_staging/<table>-<uuid>} (a folder {@code petal sql} ignores), then the cohorts'
 * partitions are swapped for the staged rows ({@link CohortPartitions#replace}) and the staging
 * folder is removed. Staging costs one more write of the affected cohorts' rows, but a partition is
 * never overwritten while Spark still reads it.
 */
public final class ModelRows {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRows.class);
  /** Folder under {@code W/tables} for staged rows. */
  public static final String STAGING = "_staging";

  private ModelRows() {}

  /**
   * @param table a contract partitioned by cohort with a {@code modelColumn}
   * @param rows the new rows of {@code models} (contract schema), only in {@code cohorts}
   * @param modelColumn name of the model column (e.g. {@code model})
   * @param models the models whose rows in {@code cohorts} are replaced
   * @param cohorts the cohorts whose partitions are rewritten
   */
  public static void replace(SparkSession spark, Warehouse w, TableContract table, Dataset<Row> rows,
      String modelColumn, Set<String> models, Set<String> cohorts) {
    if (cohorts.isEmpty()) {
      return;
    }
    Column[] columns = Arrays.stream(table.schema().fieldNames()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> merged = rows.select(columns);
    Dataset<Row> existing = IngestedTables.readIfExists(spark, w, table);
    if (existing != null) {
      Dataset<Row> kept = existing
          .filter(functions.col(Columns.COHORT).isin(cohorts.toArray())
              .and(functions.not(functions.col(modelColumn).isin(models.toArray()))))
          .select(columns);
      merged = merged.unionByName(kept);
    }
    Path staging = new Path(w.table(STAGING), table.name() + "-" + UUID.randomUUID());
    try {
      merged.write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
          .partitionBy(Columns.COHORT).parquet(staging.toString());
      Dataset<Row> staged = spark.read().schema(table.schema()).parquet(staging.toString()).select(columns);
      CohortPartitions.replace(spark, w, table, staged, cohorts);
      LOG.info("{}: rows of models {} replaced in cohorts {}", table.name(), models, cohorts);
    } finally {
      delete(spark, staging);
    }
  }

  private static void delete(SparkSession spark, Path staging) {
    try {
      staging.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the staging folder " + staging, e);
    }
  }
}
