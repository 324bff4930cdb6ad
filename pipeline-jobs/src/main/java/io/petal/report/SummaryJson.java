package io.petal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.petal.metrics.AurocEstimate;
import io.petal.metrics.Summary;
import java.time.Instant;
import java.util.List;

/**
 * {@code summary.json}: the headline figures as flat snake_case keys at the top level
 * ({@code pixel_auroc}, {@code slice_auroc}, {@code dice_mean}, {@code dice_sd}, {@code fpv_ml_mean},
 * {@code fpv_lesion_free_ml_mean} (patients without true lesions only), …, {@code dice_by_region}:
 * one object per output region with {@code region}, {@code dice_mean}, {@code dice_sd},
 * {@code dice_ci_low}, {@code dice_ci_high}, {@code dice_n}), then the run,
 * cohort counts, definitions, the same figures per method and per fold, sensitivity by size and
 * the cross-evaluation matrix ({@code sources}, and {@code dice_mean}, {@code dice_sd},
 * {@code dice_n} indexed [trained on][scored against]). Undefined figures (NaN) are JSON {@code null}; volumes are mL.
 */
final class SummaryJson {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SummaryJson() {}

  /** The JSON text of {@code data}. */
  static String of(ReportData data, List<SizeSensitivity> bySize, Instant generatedAt, String codeVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run", data.runName());
    HeadlineFigures headline = data.headline();
    root.put("ranking_method", headline.rankingMethod());
    root.put("segmentation_method", headline.segmentationMethod());
    figures(root, headline.figures());
    root.put("generated_at", generatedAt.toString());
    root.put("code_version", codeVersion);
    ObjectNode models = root.putObject("models");
    data.models().forEach(models::put);
    cohort(root.putObject("cohort"), data.cohort());
    ObjectNode definitions = root.putObject("definitions");
    MetricDefinitions.of(data.evaluator()).forEach(definitions::put);
    ArrayNode methods = root.putArray("methods");
    for (MethodResult m : data.methods()) {
      ObjectNode node = methods.addObject().put("method", m.name());
      figures(node, KeyFigures.of(m));
    }
    ArrayNode sizes = root.putArray("sensitivity_by_size");
    for (SizeSensitivity s : bySize) {
      number(sizes.addObject().put("method", s.method()).put("stratum", s.stratum())
          .put("lesions", s.count().lesions()).put("detected", s.count().detected()), "sensitivity", s.sensitivity());
    }
    if (data.crossEvaluation() != null) {
      crossEvaluation(root.putObject("cross_evaluation"), data.crossEvaluation());
    }
    ArrayNode folds = root.putArray("folds");
    for (FoldResult f : data.folds()) {
      ObjectNode node = folds.addObject().put("fold", f.fold()).put("train_patients", f.trainPatients())
          .put("test_patients", f.testPatients());
      figures(node, f.figures());
    }
    ObjectNode files = root.putObject("tables");
    ReportTables.fileNames(data).forEach(files::put);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write summary.json of run " + data.runName(), e);
    }
  }

  /** The figure keys shared by the headline, each method and each fold. */
  private static void figures(ObjectNode node, KeyFigures f) {
    for (RankingLevel level : RankingLevel.values()) {
      KeyFigures.RankingFigures r = f.ranking(level);
      auroc(node, level.key() + "_auroc", r.auroc());
      number(node, level.key() + "_auprc", r.auprc());
    }
    summary(node, "dice", f.dice());
    summary(node, "surface_dice", f.surfaceDice());
    summary(node, "fpv_ml", f.falsePositiveVolumeMl());
    summary(node, "fpv_lesion_free_ml", f.lesionFreeFalsePositiveVolumeMl());
    summary(node, "fnv_ml", f.falseNegativeVolumeMl());
    node.put("lesions", f.detection().lesions());
    node.put("lesions_detected", f.detection().detected());
    number(node, "lesion_sensitivity", f.lesionSensitivity());
    node.put("false_positive_components", f.detection().falsePositiveComponents());
    node.put("n_patients", f.patients());
    ArrayNode regions = node.putArray("dice_by_region");
    for (RegionDice r : f.regionDice()) {
      summary(regions.addObject().put("region", r.region()), "dice", r.dice());
    }
  }

  private static void auroc(ObjectNode node, String key, AurocEstimate a) {
    number(node, key, a.value());
    number(node, key + "_error_bound", a.errorBound());
  }

  private static void summary(ObjectNode node, String key, Summary s) {
    number(node, key + "_mean", s.mean());
    number(node, key + "_sd", s.sd());
    number(node, key + "_ci_low", s.ciLow());
    number(node, key + "_ci_high", s.ciHigh());
    node.put(key + "_n", s.n());
  }

  private static void cohort(ObjectNode node, CohortCounts c) {
    ArrayNode cohorts = node.putArray("cohorts");
    c.cohorts().forEach(cohorts::add);
    node.put("evaluated_on", c.evaluatedOn()).put("patients", c.patients()).put("studies", c.studies())
        .put("lesion_positive_patients", c.lesionPositivePatients()).put("lesions", c.lesions())
        .put("slices", c.slices()).put("lesion_slices", c.lesionSlices());
  }

  private static void crossEvaluation(ObjectNode node, CrossEvaluation x) {
    ArrayNode sources = node.putArray("sources");
    x.sources().forEach(sources::add);
    ArrayNode means = node.putArray("dice_mean");
    ArrayNode sds = node.putArray("dice_sd");
    ArrayNode counts = node.putArray("dice_n");
    for (int i = 0; i < x.sources().size(); i++) {
      ArrayNode meanRow = means.addArray();
      ArrayNode sdRow = sds.addArray();
      ArrayNode countRow = counts.addArray();
      for (int j = 0; j < x.sources().size(); j++) {
        element(meanRow, x.cell(i, j).mean());
        element(sdRow, x.cell(i, j).sd());
        countRow.add(x.cell(i, j).n());
      }
    }
  }

  private static ObjectNode number(ObjectNode node, String key, double value) {
    return Double.isNaN(value) ? node.putNull(key) : node.put(key, value);
  }

  private static void element(ArrayNode array, double value) {
    if (Double.isNaN(value)) {
      array.addNull();
    } else {
      array.add(value);
    }
  }
}
