package io.petal.evaluation;

import io.petal.schema.FoldsTable;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patient-level K-fold cross-validation: assigns the evaluated studies' patients to folds
 * ({@link PatientFolds}), records the assignment in {@code W/tables/folds} (partition of the run),
 * and for each fold has the {@link FoldTrainer} train on the other folds' patients and predict its
 * own, then evaluates the fold's held-out studies ({@link CohortScoring}).
 */
public final class CrossValidation {
  private static final Logger LOG = LoggerFactory.getLogger(CrossValidation.class);

  /**
   * @param folds K (at least 2)
   * @param seed seed of the patient assignment
   */
  public record Settings(int folds, long seed) {}

  private CrossValidation() {}

  /** Runs every fold; returns their outcomes in fold order, models under their names across folds. */
  public static List<FoldOutcome> run(SparkSession spark, Warehouse w, String run, Map<String, StudyInfo> studies,
      Settings settings, FoldTrainer trainer, StudyScorer scorer) throws Exception {
    Map<String, Integer> assignment = PatientFolds.assign(
        studies.values().stream().map(StudyInfo::patientKey).toList(), settings.folds(), settings.seed());
    record(spark, w, run, studies, assignment, settings);
    List<FoldOutcome> outcomes = new ArrayList<>();
    for (Fold fold : PatientFolds.folds(assignment, settings.folds())) {
      LOG.info("cross-validation {}: fold {}/{} trains on {} patients, tests on {}", run, fold.number(), fold.folds(),
          fold.trainPatients().size(), fold.testPatients().size());
      FoldModels models = trainer.trainAndPredict(spark, w, fold);
      Map<String, StudyInfo> test = new LinkedHashMap<>();
      studies.forEach((key, info) -> {
        if (fold.testPatients().contains(info.patientKey())) {
          test.put(key, info);
        }
      });
      Map<String, String> common = new TreeMap<>();
      models.maskModels().forEach((name, foldModel) -> common.put(foldModel, name));
      CohortMetrics metrics = CohortScoring.score(spark, w, test, models.anomalyModel(),
          Set.copyOf(models.maskModels().values()), scorer);
      outcomes.add(new FoldOutcome(fold, models, metrics.renamed(common)));
    }
    return outcomes;
  }

  private static void record(SparkSession spark, Warehouse w, String run, Map<String, StudyInfo> studies,
      Map<String, Integer> assignment, Settings settings) {
    Map<String, Row> rows = new TreeMap<>();
    for (StudyInfo s : studies.values()) {
      rows.putIfAbsent(s.cohort() + "/" + s.patientKey(), RowFactory.create(run, s.cohort(), s.patientKey(),
          assignment.get(s.patientKey()), settings.folds(), settings.seed(), FoldsTable.VERSION));
    }
    MetricTables.replaceRun(spark, w, FoldsTable.INSTANCE, FoldsTable.RUN, run, List.copyOf(rows.values()));
  }
}
