package io.petal.evaluation;

import io.petal.metrics.AurocEstimate;
import io.petal.metrics.StratumCount;
import io.petal.metrics.Summary;
import io.petal.report.CohortCounts;
import io.petal.report.KeyFigures;
import io.petal.report.MethodResult;
import io.petal.report.ReportData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code petal evaluate} found, for the command line ({@code petal evaluate}, {@code petal
 * demo}, {@code petal run}) to print: the report's path, the cohort, the anomaly map's ranking
 * figures and every segmenting method's figures (the same numbers as {@code summary.json}).
 *
 * @param reportPath the report page, {@code W/reports/<run>/report.html}
 * @param rankingMethod the method of {@code pixel} and {@code slice} (e.g. {@code anomaly map (autoencoder)})
 * @param pixel pixel-level AUROC (with error bound) and AUPRC
 * @param slice slice-level AUROC (with error bound) and AUPRC
 * @param headlineModel the segmentation model the report leads with, or null
 * @param models per segmenting method (U-Nets and baselines), in report order: Dice, FPV (all and
 *     lesion-free patients), FNV, lesion detection by size, Dice per output region
 * @param strata the lesion size strata, smallest first (the order detection is printed in)
 * @param folds cross-validation folds (0 without)
 */
public record EvaluationSummary(String run, String reportPath, CohortCounts cohort, String rankingMethod,
    KeyFigures.RankingFigures pixel, KeyFigures.RankingFigures slice, String headlineModel,
    Map<String, KeyFigures> models, List<String> strata, int folds) {

  public EvaluationSummary {
    models = new LinkedHashMap<>(models);
    strata = List.copyOf(strata);
  }

  /** The summary of a report's data. */
  static EvaluationSummary of(ReportData data, String reportPath) {
    Map<String, KeyFigures> models = new LinkedHashMap<>();
    for (MethodResult m : data.segmentingMethods()) {
      models.put(m.name(), KeyFigures.of(m));
    }
    KeyFigures headline = data.headline().figures();
    String segmentation = data.segmentingMethods().isEmpty() ? null : data.headline().segmentationMethod();
    return new EvaluationSummary(data.runName(), reportPath, data.cohort(), data.headline().rankingMethod(),
        headline.pixel(), headline.slice(), segmentation, models, data.sizeStrata().names(), data.folds().size());
  }

  /** Mean Dice of a model's output region (NaN when it was not evaluated or has no defined Dice there). */
  public double diceMean(String model, String region) {
    KeyFigures f = models.get(model);
    return f == null ? Double.NaN : f.regionDice().stream().filter(r -> r.region().equals(region))
        .mapToDouble(r -> r.dice().mean()).findFirst().orElse(Double.NaN);
  }

  /** Mean Dice of a model (NaN when it was not evaluated or has no defined Dice). */
  public double diceMean(String model) {
    KeyFigures f = models.get(model);
    return f == null ? Double.NaN : f.dice().mean();
  }

  /** The figures as lines of text, headline first, then one line per method, then the report. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "evaluate %s: %d studies of %d patients (%s, %d lesion-positive patients, "
        + "%d lesions)%s", run, cohort.studies(), cohort.patients(), cohort.evaluatedOn(),
        cohort.lesionPositivePatients(), cohort.lesions(), folds > 0 ? ", " + folds + " folds" : ""));
    if (pixel.auroc().isDefined() || slice.auroc().isDefined()) {
      out.add(String.format(Locale.ROOT, "  %s: pixel AUROC %s (AUPRC %s), slice AUROC %s (AUPRC %s)", rankingMethod,
          auroc(pixel.auroc()), number(pixel.auprc(), 3), auroc(slice.auroc()), number(slice.auprc(), 3)));
    }
    models.forEach((model, f) -> out.add(String.format(Locale.ROOT,
        "  %s%s: Dice %s (n %d), FPV %s mL, lesion-free FPV %s mL (n %d), FNV %s mL, lesions detected %d/%d%s",
        model, model.equals(headlineModel) ? " [headline]" : "", meanSd(f.dice()), f.dice().n(),
        number(f.falsePositiveVolumeMl().mean(), 2), number(f.lesionFreeFalsePositiveVolumeMl().mean(), 2),
        f.lesionFreeFalsePositiveVolumeMl().n(), number(f.falseNegativeVolumeMl().mean(), 2),
        f.detection().detected(), f.detection().lesions(), strata(f.detection().byStratum()))));
    models.forEach((model, f) -> {
      if (f.regionDice().size() > 1) {
        out.add("  " + model + " Dice per region: " + String.join(", ", f.regionDice().stream()
            .map(r -> r.region() + " " + meanSd(r.dice()) + " (n " + r.dice().n() + ")").toList()));
      }
    });
    out.add("  report: " + reportPath);
    return out;
  }

  /** Detected / lesions per stratum that has lesions, smallest stratum first. */
  private String strata(Map<String, StratumCount> byStratum) {
    List<String> parts = new ArrayList<>();
    List<String> order = new ArrayList<>(strata);
    byStratum.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
    for (String name : order) {
      StratumCount c = byStratum.get(name);
      if (c != null && c.lesions() > 0) {
        parts.add(name + " " + c.detected() + "/" + c.lesions());
      }
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static String auroc(AurocEstimate a) {
    return a.isDefined() ? String.format(Locale.ROOT, "%.4f ± %.1e", a.value(), a.errorBound()) : "n/a";
  }

  private static String meanSd(Summary s) {
    return Double.isNaN(s.mean()) ? "n/a" : String.format(Locale.ROOT, "%.3f ± %s", s.mean(), number(s.sd(), 3));
  }

  private static String number(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
