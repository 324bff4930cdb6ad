package io.petal.report;

import io.petal.io.HadoopFiles;
import io.petal.metrics.CurvePoint;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.Summary;
import io.petal.report.ParquetTable.Column;
import io.petal.report.ParquetTable.Type;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The report's metric tables as Parquet files in the report folder, one row per:
 * <ul>
 *   <li>{@value #PATIENT_METRICS}: method × patient: Dice, surface Dice (null = undefined),
 *       FPV / FNV / truth / predicted volume (mL), lesions, detected lesions, false-positive
 *       components; patients by short case id ({@link CaseIds});</li>
 *   <li>{@value #ROC}: method × level ({@code slice}/{@code pixel}) × curve point: false- and
 *       true-positive rate and the score threshold (null at the (0, 0) start);</li>
 *   <li>{@value #SENSITIVITY_BY_SIZE}: method × lesion size stratum: lesions, detected, sensitivity;</li>
 *   <li>{@value #CROSS_EVALUATION} (only with several annotation sources): trained-on source ×
 *       scored-against source: Dice mean, SD, 95 % CI, n.</li>
 * </ul>
 */
final class ReportTables {
  static final String PATIENT_METRICS = "patient_metrics.parquet";
  static final String ROC = "roc.parquet";
  static final String SENSITIVITY_BY_SIZE = "sensitivity_by_size.parquet";
  static final String CROSS_EVALUATION = "cross_evaluation.parquet";

  private static final ParquetTable PATIENT_TABLE = new ParquetTable("patient_metrics", List.of(
      new Column("method", Type.STRING), new Column("case_id", Type.STRING),
      new Column("dice", Type.OPTIONAL_DOUBLE), new Column("surface_dice", Type.OPTIONAL_DOUBLE),
      new Column("fpv_ml", Type.DOUBLE), new Column("fnv_ml", Type.DOUBLE),
      new Column("truth_volume_ml", Type.DOUBLE), new Column("predicted_volume_ml", Type.DOUBLE),
      new Column("lesions", Type.INT64), new Column("detected_lesions", Type.INT64),
      new Column("false_positive_components", Type.INT64)));
  private static final ParquetTable ROC_TABLE = new ParquetTable("roc", List.of(
      new Column("method", Type.STRING), new Column("level", Type.STRING), new Column("point", Type.INT32),
      new Column("false_positive_rate", Type.DOUBLE), new Column("true_positive_rate", Type.DOUBLE),
      new Column("threshold", Type.OPTIONAL_FLOAT)));
  private static final ParquetTable SENSITIVITY_TABLE = new ParquetTable("sensitivity_by_size", List.of(
      new Column("method", Type.STRING), new Column("stratum", Type.STRING),
      new Column("stratum_order", Type.INT32), new Column("lesions", Type.INT64),
      new Column("detected", Type.INT64), new Column("sensitivity", Type.OPTIONAL_DOUBLE)));
  private static final ParquetTable CROSS_TABLE = new ParquetTable("cross_evaluation", List.of(
      new Column("trained_on", Type.STRING), new Column("scored_against", Type.STRING),
      new Column("dice_mean", Type.OPTIONAL_DOUBLE), new Column("dice_sd", Type.OPTIONAL_DOUBLE),
      new Column("dice_ci_low", Type.OPTIONAL_DOUBLE), new Column("dice_ci_high", Type.OPTIONAL_DOUBLE),
      new Column("n", Type.INT64)));

  private ReportTables() {}

  /** Table name → file name, for the tables this report has. */
  static Map<String, String> fileNames(ReportData data) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("patient_metrics", PATIENT_METRICS);
    files.put("roc", ROC);
    files.put("sensitivity_by_size", SENSITIVITY_BY_SIZE);
    if (data.crossEvaluation() != null) {
      files.put("cross_evaluation", CROSS_EVALUATION);
    }
    return files;
  }

  /** Writes the tables into {@code outDir}. */
  static void write(ReportData data, List<SizeSensitivity> bySize, String outDir, Configuration conf)
      throws IOException {
    PATIENT_TABLE.write(HadoopFiles.join(outDir, PATIENT_METRICS), patientRows(data), conf);
    ROC_TABLE.write(HadoopFiles.join(outDir, ROC), rocRows(data), conf);
    SENSITIVITY_TABLE.write(HadoopFiles.join(outDir, SENSITIVITY_BY_SIZE), sensitivityRows(bySize), conf);
    if (data.crossEvaluation() != null) {
      CROSS_TABLE.write(HadoopFiles.join(outDir, CROSS_EVALUATION), crossRows(data.crossEvaluation()), conf);
    }
  }

  private static List<Object[]> patientRows(ReportData data) {
    List<Object[]> rows = new ArrayList<>();
    for (MethodResult m : data.methods()) {
      for (PatientSegmentationMetrics p : m.patients()) {
        rows.add(new Object[] {m.name(), CaseIds.shortId(p.caseId()), p.dice(), p.surfaceDice(),
            p.falsePositiveVolumeMl(), p.falseNegativeVolumeMl(), p.truthVolumeMl(), p.predictedVolumeMl(),
            p.detection().lesions(), p.detection().detected(), p.detection().falsePositiveComponents()});
      }
    }
    return rows;
  }

  private static List<Object[]> rocRows(ReportData data) {
    List<Object[]> rows = new ArrayList<>();
    for (MethodResult m : data.methods()) {
      for (RankingLevel level : RankingLevel.values()) {
        List<CurvePoint> curve = m.ranking(level).roc();
        for (int i = 0; i < curve.size(); i++) {
          CurvePoint p = curve.get(i);
          rows.add(new Object[] {m.name(), level.key(), i, p.x(), p.y(), p.threshold()});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> sensitivityRows(List<SizeSensitivity> bySize) {
    List<Object[]> rows = new ArrayList<>();
    for (SizeSensitivity s : bySize) {
      rows.add(new Object[] {s.method(), s.stratum(), s.stratumOrder(), s.count().lesions(), s.count().detected(),
          s.sensitivity()});
    }
    return rows;
  }

  private static List<Object[]> crossRows(CrossEvaluation x) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < x.sources().size(); i++) {
      for (int j = 0; j < x.sources().size(); j++) {
        Summary s = x.cell(i, j);
        rows.add(new Object[] {x.sources().get(i), x.sources().get(j), s.mean(), s.sd(), s.ciLow(), s.ciHigh(),
            s.n()});
      }
    }
    return rows;
  }
}
