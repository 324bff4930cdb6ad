package io.petal.ingest;

import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reading the tables ingest writes, checked against their contracts. */
public final class IngestedTables {
  private IngestedTables() {}

  /** The table, or null when it was never written. */
  public static Dataset<Row> readIfExists(SparkSession spark, Warehouse w, TableContract t) {
    String path = w.table(t.name());
    try {
      Path p = new Path(path);
      if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + path, e);
    }
    Dataset<Row> d;
    try {
      d = spark.read().parquet(path);
    } catch (Exception e) { // Spark throws AnalysisException (checked, undeclared); others rethrown as they are
      if (!String.valueOf(e.getMessage()).contains("UNABLE_TO_INFER_SCHEMA")) {
        throw e;
      }
      return spark.createDataFrame(java.util.List.of(), t.schema()); // the folder holds no rows (yet)
    }
    return t.requireCompatible(d);
  }

  /** The table; fails with what to run when it does not exist. */
  public static Dataset<Row> read(SparkSession spark, Warehouse w, TableContract t) {
    Dataset<Row> d = readIfExists(spark, w, t);
    if (d == null) {
      throw new IllegalStateException("table " + t.name() + " does not exist under " + w
          + ": run petal ingest first (or check --warehouse)");
    }
    return d;
  }

  /** Slices of committed studies only (a slices file whose study row was never committed is ignored). */
  public static Dataset<Row> slices(SparkSession spark, Warehouse w) {
    Dataset<Row> studies = read(spark, w, StudiesTable.INSTANCE).select(Columns.COHORT, Columns.STUDY_KEY);
    Dataset<Row> slices = read(spark, w, SlicesTable.INSTANCE);
    return slices.join(studies, slices.col(Columns.COHORT).equalTo(studies.col(Columns.COHORT))
        .and(slices.col(Columns.STUDY_KEY).equalTo(studies.col(Columns.STUDY_KEY))), "left_semi");
  }
}
