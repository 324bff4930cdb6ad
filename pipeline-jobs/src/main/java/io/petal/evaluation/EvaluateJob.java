package io.petal.evaluation;

import io.petal.ingest.IngestedTables;
import io.petal.metrics.SegmentationEvaluator;
import io.petal.metrics.SizeStrata;
import io.petal.report.CrossEvaluation;
import io.petal.report.ExampleSlice;
import io.petal.report.FoldResult;
import io.petal.report.MethodResult;
import io.petal.report.ReportData;
import io.petal.report.ReportWriter;
import io.petal.schema.AnomalyTable;
import io.petal.schema.MasksTable;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal evaluate}: how well the anomaly map ranks lesions and how well each segmentation
 * model (U-Nets and baselines in {@code W/tables/masks}) delineates them, on the evaluated studies
 * ({@link EvaluationSelection}: a split's annotated and normal studies), in one distributed pass
 * ({@link CohortScoring}).
 *
 * <p>Figures: slice- and pixel-level AUROC (with its error bound) and AUPRC of one autoencoder's
 * anomaly maps from mergeable histograms; per study and model the autoPET metrics
 * ({@link SegmentationEvaluator#autoPet()}: Dice, surface Dice at 2 mm, FPV, FNV, lesion detection
 * by {@link SizeStrata#sizeLevels()} size level), against each annotation source; with several
 * sources the cross-evaluation matrix ({@link CrossEvaluationMatrix}). A case is a study, named by
 * its pseudonymous study key.
 *
 * <p>Output: the report {@code W/reports/<run>/} ({@link ReportWriter}: {@code report.html},
 * {@code summary.json}, Parquet tables) with example slices ({@link ExampleSlices}) of the best
 * model by mean Dice, and the tables {@code W/tables/patient_metrics} and
 * {@code W/tables/ranking_metrics} (partition of the run, replaced on a re-run of the same name).
 */
public final class EvaluateJob {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluateJob.class);
  /** The segmentation metrics' definitions: autoPET's. */
  public static final SegmentationEvaluator EVALUATOR = SegmentationEvaluator.autoPet();
  /** Lesion size strata: the five size levels of the synthetic benchmark. */
  public static final SizeStrata STRATA = SizeStrata.sizeLevels();
  /** Default split evaluated. */
  public static final String DEFAULT_SPLIT = "test";
  private static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * @param split the split evaluated, or {@link EvaluationSelection#ALL}
   * @param anomalyModel the autoencoder whose anomaly maps are ranked (null: none)
   * @param models the segmentation models to evaluate; empty for every model with masks of the evaluated studies
   * @param run the run's name (folder under {@code W/reports}); null for {@code evaluate-<UTC time>}
   * @param exampleSlices how many example slices the report shows
   */
  public record Options(Warehouse warehouse, String split, String anomalyModel, List<String> models, String run,
      int exampleSlices) {
    public Options {
      models = List.copyOf(models);
      if (run != null && !RUN_NAME.matcher(run).matches()) {
        throw new IllegalArgumentException("run name '" + run + "' must be letters, digits, '.', '_' or '-' "
            + "(it names a folder and a table partition)");
      }
    }

    /** Defaults: the test split, anomaly maps of {@code autoencoder}, every model, a timestamped run. */
    public static Options defaults(Warehouse w) {
      return new Options(w, DEFAULT_SPLIT, "autoencoder", List.of(), null, ExampleSlices.DEFAULT_COUNT);
    }

    /** The run's name: the given one, or {@code evaluate-yyyyMMdd-HHmmss} (UTC). */
    String runName() {
      return run != null ? run
          : "evaluate-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    }
  }

  private EvaluateJob() {}

  /** Evaluates the models' existing anomaly maps and masks on the chosen split. */
  public static EvaluationSummary run(SparkSession spark, Options o) throws IOException {
    long t0 = System.nanoTime();
    Warehouse w = o.warehouse();
    EvaluationSelection selection = EvaluationSelection.of(StudyImagesReader.studies(spark, w, s -> true), o.split());
    List<String> models = maskModels(spark, w, selection.studies(), o.models());
    String anomalyModel = o.anomalyModel();
    LOG.info("evaluate: {} studies ({}), anomaly model {}, masks of {}", selection.studies().size(),
        selection.description(), anomalyModel, models);
    CohortMetrics metrics = CohortScoring.score(spark, w, selection.studies(), anomalyModel, Set.copyOf(models),
        new StudyScorer(EVALUATOR, STRATA));
    if (anomalyModel != null && !metrics.anomalyScored()) {
      LOG.warn("evaluate: no anomaly maps of model {} for the evaluated studies in {}: no AUROC (run petal score "
          + "--model {})", anomalyModel, w.table(AnomalyTable.NAME), anomalyModel);
    }
    if (!metrics.anomalyScored() && models.isEmpty()) {
      throw new IllegalStateException("nothing to evaluate in " + w + ": no anomaly maps of model '" + anomalyModel
          + "' and no masks of the " + selection.studies().size() + " evaluated studies (" + selection.description()
          + "); run petal score, petal segment predict or petal segment baselines first");
    }
    warnAboutMissing(metrics, anomalyModel, models);
    EvaluationSummary s = report(spark, o, selection, metrics, anomalyModel, models, List.of());
    LOG.info("evaluate: run {} in {} s", s.run(), (System.nanoTime() - t0) / 1_000_000_000);
    return s;
  }

  /**
   * Patient-level K-fold cross-validation over every annotated and normal study: the trainer
   * trains and predicts each fold ({@link CrossValidation}), the held-out folds are pooled into one
   * report with a row per fold; the assignment is recorded in {@code W/tables/folds}.
   */
  public static EvaluationSummary runCrossValidated(SparkSession spark, Options o, CrossValidation.Settings settings,
      FoldTrainer trainer) throws Exception {
    Warehouse w = o.warehouse();
    String run = o.runName();
    EvaluationSelection all = EvaluationSelection.of(StudyImagesReader.studies(spark, w, s -> true),
        EvaluationSelection.ALL);
    EvaluationSelection selection = new EvaluationSelection(all.studies(), "held-out folds of a " + settings.folds()
        + "-fold patient-level cross-validation (pooled)");
    List<FoldOutcome> outcomes = CrossValidation.run(spark, w, run, selection.studies(), settings, trainer,
        new StudyScorer(EVALUATOR, STRATA));
    Set<String> models = new TreeSet<>();
    outcomes.forEach(f -> models.addAll(f.models().maskModels().keySet()));
    Options named = new Options(w, o.split(), o.anomalyModel(), o.models(), run, o.exampleSlices());
    return report(spark, named, selection, FoldAggregation.pooled(outcomes), o.anomalyModel(), List.copyOf(models),
        outcomes);
  }

  /** Builds and writes the report and the metric tables; prints nothing, logs the figures. */
  private static EvaluationSummary report(SparkSession spark, Options o, EvaluationSelection selection,
      CohortMetrics metrics, String anomalyModel, List<String> models, List<FoldOutcome> outcomes)
      throws IOException {
    Warehouse w = o.warehouse();
    String run = o.runName();
    ComparedMethods compared = ComparedMethods.of(metrics, anomalyModel, models);
    if (compared.isEmpty()) {
      throw new IllegalStateException("run " + run + ": none of the " + selection.studies().size()
          + " evaluated studies has an anomaly map of model " + anomalyModel + " or a mask of " + models);
    }
    MethodResult headline = compared.headline();
    CrossEvaluation cross = headline == null ? null
        : CrossEvaluationMatrix.of(metrics, CrossEvaluationMatrix.family(headline.name()));
    List<FoldResult> folds = FoldAggregation.perFold(outcomes, headline == null ? null : headline.name());
    List<ExampleSlice> examples = examples(spark, o, selection.studies(), anomalyModel,
        compared.best() == null ? null : compared.best().name(), outcomes);
    ReportData data = new ReportData(run, compared.roles(anomalyModel), metrics.cohortCounts(selection.description()),
        EVALUATOR, STRATA, compared.headlineFigures(), compared.inReportOrder(), cross, folds, examples);
    String html = ReportWriter.write(data, w.report(run), spark.sparkContext().hadoopConfiguration());
    MetricTables.writePatientMetrics(spark, w, run, metrics);
    MetricTables.writeRankingMetrics(spark, w, run, compared, anomalyModel);
    EvaluationSummary summary = EvaluationSummary.of(data, html);
    summary.lines().forEach(line -> LOG.info("{}", line));
    return summary;
  }

  /** The example slices, cut with the anomaly map and the best model's mask (of each study's own fold, with folds). */
  private static List<ExampleSlice> examples(SparkSession spark, Options o, Map<String, StudyInfo> studies,
      String anomalyModel, String bestModel, List<FoldOutcome> outcomes) {
    List<ExampleSlices.Choice> chosen = ExampleSlices.choose(spark, o.warehouse(), studies, o.exampleSlices());
    if (outcomes.isEmpty()) {
      return ExampleSlices.cut(spark, o.warehouse(), studies, chosen, anomalyModel, bestModel);
    }
    List<ExampleSlice> out = new ArrayList<>();
    for (FoldOutcome f : outcomes) {
      List<ExampleSlices.Choice> inFold = chosen.stream()
          .filter(c -> f.fold().testPatients().contains(studies.get(c.studyKey()).patientKey())).toList();
      out.addAll(ExampleSlices.cut(spark, o.warehouse(), studies, inFold, f.models().anomalyModel(),
          bestModel == null ? null : f.models().maskModels().get(bestModel)));
    }
    return out;
  }

  /** The requested models (each must have masks of the evaluated studies), or every model that has. */
  private static List<String> maskModels(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies,
      List<String> requested) {
    Dataset<Row> masks = IngestedTables.readIfExists(spark, w, MasksTable.INSTANCE);
    Set<String> available = new TreeSet<>();
    if (masks != null) {
      available.addAll(StudyImagesReader.rowsOf(spark, masks, studies).select(MasksTable.MODEL).distinct()
          .as(Encoders.STRING()).collectAsList());
    }
    if (requested.isEmpty()) {
      return List.copyOf(available);
    }
    List<String> missing = requested.stream().filter(m -> !available.contains(m)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("model(s) " + missing + " have no masks of the evaluated studies in "
          + w.table(MasksTable.NAME) + " (models there: " + available + ")");
    }
    return List.copyOf(requested);
  }

  private static void warnAboutMissing(CohortMetrics metrics, String anomalyModel, List<String> models) {
    int studies = metrics.studies().size();
    Map<String, Integer> masked = new LinkedHashMap<>();
    models.forEach(m -> masked.put(m, 0));
    int mapped = 0;
    for (StudyResult s : metrics.studies()) {
      mapped += s.anomalyScored() ? 1 : 0;
      s.models().forEach(m -> masked.merge(m, 1, Integer::sum));
    }
    if (anomalyModel != null && mapped > 0 && mapped < studies) {
      LOG.warn("evaluate: {} of {} studies have no anomaly map of {} and are left out of the AUROC",
          studies - mapped, studies, anomalyModel);
    }
    masked.forEach((model, n) -> {
      if (n < studies) {
        LOG.warn("evaluate: {} of {} studies have no mask of {} and are left out of its figures", studies - n,
            studies, model);
      }
    });
  }
}
