package io.petal.evaluation;

import io.petal.metrics.AurocEstimate;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.report.MethodResult;
import io.petal.report.RankingLevel;
import io.petal.report.RankingResult;
import io.petal.schema.PatientMetricsTable;
import io.petal.schema.RankingMetricsTable;
import io.petal.schema.TableContract;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes an evaluation's figures as warehouse tables, so {@code petal sql} and notebooks can query
 * them across runs: {@code W/tables/patient_metrics} ({@link PatientMetricsTable}) and
 * {@code W/tables/ranking_metrics} ({@link RankingMetricsTable}), each partitioned by run; the
 * run's partition is replaced, other runs are kept. Undefined figures (NaN) are written as null.
 */
public final class MetricTables {
  private MetricTables() {}

  /** Every model's score of every study against every annotation source. */
  public static void writePatientMetrics(SparkSession spark, Warehouse w, String run, CohortMetrics metrics) {
    List<Row> rows = new ArrayList<>();
    for (StudyResult s : metrics.sortedStudies()) {
      for (ModelScore m : s.scores()) {
        PatientSegmentationMetrics p = m.metrics();
        rows.add(RowFactory.create(run, s.cohort(), s.patientKey(), s.studyKey(), s.split(), s.normal(), m.model(),
            m.labelSource(), m.primary(), m.region(), orNull(p.dice()), orNull(p.surfaceDice()), p.falsePositiveVolumeMl(),
            p.falseNegativeVolumeMl(), p.truthVolumeMl(), p.predictedVolumeMl(), p.detection().lesions(),
            p.detection().detected(), p.detection().falsePositiveComponents(), PatientMetricsTable.VERSION));
      }
    }
    replaceRun(spark, w, PatientMetricsTable.INSTANCE, PatientMetricsTable.RUN, run, rows);
  }

  /**
   * The ranking figures at both levels of the anomaly map (its {@code model} the autoencoder) and of
   * each segmenting method ranked by its probability (its {@code model} its own name).
   */
  public static void writeRankingMetrics(SparkSession spark, Warehouse w, String run, ComparedMethods compared,
      String anomalyModel) {
    List<Row> rows = new ArrayList<>();
    if (compared.ranking() != null) {
      addRankingRows(rows, run, compared.ranking(), anomalyModel);
    }
    for (MethodResult m : compared.segmenting()) {
      if (m.slice().auroc().positives() + m.slice().auroc().negatives() > 0) {
        addRankingRows(rows, run, m, m.name());
      }
    }
    replaceRun(spark, w, RankingMetricsTable.INSTANCE, RankingMetricsTable.RUN, run, rows);
  }

  private static void addRankingRows(List<Row> rows, String run, MethodResult method, String model) {
    for (RankingLevel level : RankingLevel.values()) {
      RankingResult r = method.ranking(level);
      AurocEstimate a = r.auroc();
      rows.add(RowFactory.create(run, method.name(), model, level.key(), orNull(a.value()), orNull(a.errorBound()),
          orNull(r.averagePrecision()), a.positives(), a.negatives(), RankingMetricsTable.VERSION));
    }
  }

  /** Replaces partition {@code runColumn=run} of {@code table} by {@code rows} (none: the partition is removed). */
  static void replaceRun(SparkSession spark, Warehouse w, TableContract table, String runColumn, String run,
      List<Row> rows) {
    String path = w.table(table.name());
    if (rows.isEmpty()) {
      Path partition = new Path(path, runColumn + "=" + run);
      try {
        partition.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(partition, true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + partition, e);
      }
      return;
    }
    spark.createDataFrame(rows, table.schema()).coalesce(1).write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .option("compression", "zstd")
        .partitionBy(table.partitionColumns())
        .parquet(path);
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
