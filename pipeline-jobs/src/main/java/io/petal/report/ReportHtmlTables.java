package io.petal.report;

import io.petal.metrics.Summary;
import java.util.List;
import java.util.Locale;

/** The tables of the report page, as HTML fragments; every text escaped, numbers via {@link Numbers}. */
final class ReportHtmlTables {
  private ReportHtmlTables() {}

  /** Headline figures: figure, value, uncertainty, method, n. */
  static String headline(HeadlineFigures headline) {
    KeyFigures f = headline.figures();
    String ranking = headline.rankingMethod();
    String seg = headline.segmentationMethod();
    StringBuilder b = new StringBuilder("<table class=\"wide\" id=\"headline-table\"><thead><tr>")
        .append(Html.header("Figure", false)).append(Html.header("Value", true))
        .append(Html.header("Uncertainty", true)).append(Html.header("Method", false))
        .append(Html.header("n", true)).append("</tr></thead><tbody>");
    for (RankingLevel level : RankingLevel.values()) {
      KeyFigures.RankingFigures r = f.ranking(level);
      String n = r.auroc().isDefined() ? r.auroc().positives() + " pos / " + r.auroc().negatives() + " neg" : "";
      row(b, capitalised(level.key()) + " AUROC", Numbers.fraction(r.auroc().value()),
          "exact within ± " + Numbers.bound(r.auroc().errorBound()), ranking, n);
      row(b, capitalised(level.key()) + " AUPRC", Numbers.fraction(r.auprc()), "", ranking, n);
    }
    summaryRow(b, "Dice", f.dice(), 3, seg);
    summaryRow(b, "Surface Dice", f.surfaceDice(), 3, seg);
    summaryRow(b, "False-positive volume (mL)", f.falsePositiveVolumeMl(), 2, seg);
    summaryRow(b, "False-positive volume, lesion-free patients (mL)", f.lesionFreeFalsePositiveVolumeMl(), 2, seg);
    summaryRow(b, "False-negative volume (mL)", f.falseNegativeVolumeMl(), 2, seg);
    row(b, "Lesion-wise sensitivity", Numbers.percent(f.lesionSensitivity()),
        f.detection().detected() + " of " + f.detection().lesions() + " lesions", seg, "");
    row(b, "False-positive components per patient", Numbers.fixed(f.falsePositiveComponentsPerPatient(), 2),
        f.detection().falsePositiveComponents() + " in all", seg, Integer.toString(f.patients()));
    return b.append("</tbody></table>").toString();
  }

  /** One row per method with all its key figures. */
  static String methods(ReportData data) {
    StringBuilder b = new StringBuilder("<div class=\"scroll\"><table class=\"wide\" id=\"methods-table\"><thead><tr>")
        .append(Html.header("Method", false));
    for (String h : List.of("Slice AUROC", "Pixel AUROC", "Slice AUPRC", "Pixel AUPRC", "Dice (mean ± SD)",
        "Surface Dice", "FPV (mL)", "FPV lesion-free (mL)", "FNV (mL)", "Lesion sensitivity", "Patients")) {
      b.append(Html.header(h, true));
    }
    b.append("</tr></thead><tbody>");
    for (int m = 0; m < data.methods().size(); m++) {
      MethodResult method = data.methods().get(m);
      KeyFigures f = KeyFigures.of(method);
      b.append("<tr><td class=\"method\">").append(Html.swatch(MethodColors.of(m))).append(Html.escape(method.name()))
          .append("</td>")
          .append(Html.cell(Numbers.fraction(f.slice().auroc().value()), true))
          .append(Html.cell(Numbers.fraction(f.pixel().auroc().value()), true))
          .append(Html.cell(Numbers.fraction(f.slice().auprc()), true))
          .append(Html.cell(Numbers.fraction(f.pixel().auprc()), true))
          .append(Html.cell(Numbers.meanSd(f.dice(), 3), true))
          .append(Html.cell(Numbers.fraction(f.surfaceDice().mean()), true))
          .append(Html.cell(Numbers.ml(f.falsePositiveVolumeMl().mean()), true))
          .append(Html.cell(Numbers.ml(f.lesionFreeFalsePositiveVolumeMl().mean()), true))
          .append(Html.cell(Numbers.ml(f.falseNegativeVolumeMl().mean()), true))
          .append(Html.cell(Numbers.percent(f.lesionSensitivity()), true))
          .append(Html.cell(f.patients() == 0 ? Numbers.NONE : Integer.toString(f.patients()), true))
          .append("</tr>");
    }
    return b.append("</tbody></table></div>").toString();
  }

  /** One row per segmenting method and output region: Dice mean ± SD, 95 % CI, patients with the region. */
  static String regions(ReportData data) {
    StringBuilder b = new StringBuilder("<table class=\"wide\" id=\"regions-table\"><thead><tr>")
        .append(Html.header("Method", false)).append(Html.header("Region", false))
        .append(Html.header("Dice (mean ± SD)", true)).append(Html.header("95 % CI", true))
        .append(Html.header("n", true)).append("</tr></thead><tbody>");
    for (int m = 0; m < data.methods().size(); m++) {
      MethodResult method = data.methods().get(m);
      for (RegionDice r : RegionDice.of(method)) {
        b.append("<tr><td class=\"method\">").append(Html.swatch(MethodColors.of(m)))
            .append(Html.escape(method.name())).append("</td><td>").append(Html.escape(r.region())).append("</td>")
            .append(Html.cell(Numbers.meanSd(r.dice(), 3), true))
            .append(Html.cell(Numbers.interval(r.dice(), 3), true))
            .append(Html.cell(Long.toString(r.dice().n()), true)).append("</tr>");
      }
    }
    return b.append("</tbody></table>").toString();
  }

  /** Methods × size strata: sensitivity with detected / lesions. */
  static String sensitivity(List<String> strata, List<SizeSensitivity> rows) {
    StringBuilder b = new StringBuilder("<table class=\"wide\" id=\"sensitivity-table\"><thead><tr>")
        .append(Html.header("Method", false));
    strata.forEach(s -> b.append(Html.header(s, true)));
    b.append("</tr></thead><tbody>");
    String current = null;
    for (SizeSensitivity r : rows) {
      if (!r.method().equals(current)) {
        if (current != null) {
          b.append("</tr>");
        }
        current = r.method();
        b.append("<tr><td class=\"method\">").append(Html.swatch(MethodColors.of(r.methodIndex())))
            .append(Html.escape(r.method()))
            .append("</td>");
      }
      String text = r.count().lesions() == 0 ? Numbers.NONE
          : Numbers.percent(r.sensitivity()) + " (" + r.count().detected() + "/" + r.count().lesions() + ")";
      b.append(Html.cell(text, true));
    }
    if (current != null) {
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  /** The cross-evaluation matrix: rows trained on, columns scored against, cells shaded by Dice. */
  static String crossEvaluation(CrossEvaluation x) {
    StringBuilder b = new StringBuilder("<table id=\"cross-evaluation-table\"><thead><tr>")
        .append(Html.header("Trained on ↓ / scored against →", false));
    x.sources().forEach(s -> b.append(Html.header(s, true)));
    b.append("</tr></thead><tbody>");
    for (int i = 0; i < x.sources().size(); i++) {
      b.append("<tr><th>").append(Html.escape(x.sources().get(i))).append("</th>");
      for (int j = 0; j < x.sources().size(); j++) {
        Summary s = x.cell(i, j);
        b.append("<td class=\"num\" style=\"").append(shade(s.mean())).append("\">")
            .append(Html.escape(Numbers.meanSd(s, 3))).append("</td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  /** One row per fold: split sizes and the headline figures of its held-out patients. */
  static String folds(List<FoldResult> folds) {
    StringBuilder b = new StringBuilder("<table class=\"wide\" id=\"folds-table\"><thead><tr>");
    for (String h : List.of("Fold", "Train patients", "Test patients", "Slice AUROC", "Pixel AUROC",
        "Dice (mean ± SD)", "FPV (mL)", "FNV (mL)", "Lesion sensitivity")) {
      b.append(Html.header(h, !h.equals("Fold")));
    }
    b.append("</tr></thead><tbody>");
    for (FoldResult fold : folds) {
      KeyFigures f = fold.figures();
      b.append("<tr>").append(Html.cell(Integer.toString(fold.fold()), false))
          .append(Html.cell(Integer.toString(fold.trainPatients()), true))
          .append(Html.cell(Integer.toString(fold.testPatients()), true))
          .append(Html.cell(Numbers.fraction(f.slice().auroc().value()), true))
          .append(Html.cell(Numbers.fraction(f.pixel().auroc().value()), true))
          .append(Html.cell(Numbers.meanSd(f.dice(), 3), true))
          .append(Html.cell(Numbers.ml(f.falsePositiveVolumeMl().mean()), true))
          .append(Html.cell(Numbers.ml(f.falseNegativeVolumeMl().mean()), true))
          .append(Html.cell(Numbers.percent(f.lesionSensitivity()), true))
          .append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static void summaryRow(StringBuilder b, String name, Summary s, int decimals, String method) {
    String interval = Numbers.interval(s, decimals);
    row(b, name, Numbers.meanSd(s, decimals), interval.equals(Numbers.NONE) ? "" : "95 % CI " + interval, method,
        Long.toString(s.n()));
  }

  private static void row(StringBuilder b, String name, String value, String uncertainty, String method, String n) {
    b.append("<tr>").append(Html.cell(name, false)).append(Html.cell(value, true))
        .append(Html.cell(uncertainty, true)).append(Html.cell(method, false)).append(Html.cell(n, true))
        .append("</tr>");
  }

  /** A light-to-dark blue background for a value in [0, 1] (white text on the dark end). */
  private static String shade(double value) {
    if (Double.isNaN(value)) {
      return "background:#ffffff";
    }
    double v = Math.max(0, Math.min(1, value));
    int lightness = (int) Math.round(97 - 55 * v);
    return String.format(Locale.ROOT, "background:hsl(210,65%%,%d%%);color:%s", lightness,
        lightness < 62 ? "#ffffff" : "#1f2933");
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
