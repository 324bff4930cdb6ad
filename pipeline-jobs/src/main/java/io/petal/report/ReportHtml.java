package io.petal.report;

import io.petal.metrics.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The report page, {@code report.html}: one self-contained file (inline CSS, every picture a PNG
 * {@code data:} URI, no script, no external font or link), readable offline and safe to mail.
 * Sections: header, headline figures with the cohort, how to read, method comparison, ROC curves,
 * segmentation distributions, sensitivity by size, cross-evaluation and folds (when present),
 * example slices, definitions, files.
 */
final class ReportHtml {
  private static final String CSS_RESOURCE = "report.css";
  /** Figures wider than this (CSS pixels) take a row of their own; narrower ones share rows. */
  private static final int WIDE_FIGURE = 700;

  private ReportHtml() {}

  /** The page of {@code data} with its rendered {@code figures}. */
  static String render(ReportData data, ReportFigures figures, List<SizeSensitivity> bySize, Instant generatedAt,
      String codeVersion) {
    StringBuilder b = new StringBuilder(1 << 20);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Petal evaluation report: ").append(Html.escape(data.runName())).append("</title>")
        .append("<style>\n").append(css()).append("</style></head><body><main>\n");
    header(b, data, generatedAt, codeVersion);
    headline(b, data);
    howToRead(b, data);
    section(b, "methods", "Methods compared", "<p class=\"note\">Every figure per method; the colour of a method is"
        + " the same in every chart. “–”: not measured or undefined. AUROC values are exact within ± "
        + Numbers.bound(largestBound(data)) + " (the largest error bound of the table).</p>"
        + ReportHtmlTables.methods(data));
    figureSection(b, "roc", "Ranking: ROC curves", figures.roc(),
        "No method was scored at slice or pixel level.");
    figureSection(b, "segmentation", "Segmentation per patient", figures.perPatient(),
        "No method produced masks, so there are no per-patient segmentation figures.");
    regions(b, data);
    sensitivity(b, data, figures, bySize);
    if (data.crossEvaluation() != null) {
      section(b, "cross-evaluation", "Cross-evaluation of annotation sources", "<p class=\"note\">One model"
          + " trained per annotation source (rows), each scored against every source (columns): Dice mean ± SD"
          + " over patients. The diagonal is the usual self-evaluation; off-diagonal cells show how much the"
          + " sources disagree.</p>" + ReportHtmlTables.crossEvaluation(data.crossEvaluation()));
    }
    if (!data.folds().isEmpty()) {
      section(b, "folds", "Cross-validation folds", "<p class=\"note\">Patient-level folds: no patient is in the"
          + " training and the test part of the same fold. Figures of each fold's held-out patients (ranking: "
          + Html.escape(data.headline().rankingMethod()) + "; segmentation: "
          + Html.escape(data.headline().segmentationMethod()) + ").</p>" + ReportHtmlTables.folds(data.folds()));
    }
    figureSection(b, "examples", "Example slices", figures.examples(), "No example slices were selected.");
    definitions(b, data);
    files(b, data);
    b.append("<footer>").append(Html.escape(codeVersion)).append(" · generated ")
        .append(Html.escape(when(generatedAt))).append("</footer>\n</main></body></html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b, ReportData data, Instant generatedAt, String codeVersion) {
    b.append("<header class=\"report\"><h1>Evaluation report: ").append(Html.escape(data.runName())).append("</h1>")
        .append("<div class=\"meta\"><span>generated ").append(Html.escape(when(generatedAt))).append("</span>");
    for (Map.Entry<String, String> model : data.models().entrySet()) {
      b.append("<span>").append(Html.escape(model.getKey())).append(": <code>").append(Html.escape(model.getValue()))
          .append("</code></span>");
    }
    b.append("<span>").append(Html.escape(codeVersion)).append("</span></div></header>\n");
  }

  private static void headline(StringBuilder b, ReportData data) {
    HeadlineFigures h = data.headline();
    KeyFigures f = h.figures();
    StringBuilder s = new StringBuilder("<div class=\"tiles\">");
    tile(s, "Pixel AUROC", Numbers.fraction(f.pixel().auroc().value()),
        "exact within ± " + Numbers.bound(f.pixel().auroc().errorBound()) + " · " + h.rankingMethod());
    tile(s, "Slice AUROC", Numbers.fraction(f.slice().auroc().value()),
        "exact within ± " + Numbers.bound(f.slice().auroc().errorBound()) + " · " + h.rankingMethod());
    tile(s, "Dice", Numbers.fraction(f.dice().mean()), spread(f.dice(), 3) + " · " + h.segmentationMethod());
    tile(s, "Lesion sensitivity", Numbers.percent(f.lesionSensitivity()),
        f.detection().detected() + " of " + f.detection().lesions() + " lesions");
    tile(s, "False-positive volume", Numbers.ml(f.falsePositiveVolumeMl().mean()) + " mL",
        "mean per patient, SD " + Numbers.ml(f.falsePositiveVolumeMl().sd()));
    tile(s, "False-negative volume", Numbers.ml(f.falseNegativeVolumeMl().mean()) + " mL",
        "mean per patient, SD " + Numbers.ml(f.falseNegativeVolumeMl().sd()));
    s.append("</div>");
    CohortCounts c = data.cohort();
    s.append("<p>Evaluated on the ").append(Html.escape(c.evaluatedOn())).append(" of cohort")
        .append(c.cohorts().size() == 1 ? " " : "s ").append(Html.escape(String.join(", ", c.cohorts())))
        .append(": <b>").append(c.patients()).append(" patients</b> (").append(c.lesionPositivePatients())
        .append(" with lesions), ").append(c.studies()).append(" studies, ").append(c.lesions())
        .append(" true lesions; ").append(c.slices()).append(" slices, ").append(c.lesionSlices())
        .append(" of them with lesion.</p>");
    s.append(ReportHtmlTables.headline(h));
    section(b, "headline", "Headline figures", s.toString());
  }

  private static void howToRead(StringBuilder b, ReportData data) {
    HeadlineFigures h = data.headline();
    String text = "<ul class=\"read\">"
        + "<li><b>Ranking</b> figures (AUROC, AUPRC) are of <i>" + Html.escape(h.rankingMethod()) + "</i>; they say how"
        + " well its score puts lesions above normal tissue, at slice level (which slices contain a lesion) and"
        + " pixel level (which voxels are lesion). AUROC 0.5 is chance, 1.0 a perfect ranking.</li>"
        + "<li><b>Segmentation</b> figures are of <i>" + Html.escape(h.segmentationMethod()) + "</i>, per patient in"
        + " 3D: Dice is the overlap with the true lesions (higher is better); the false-positive volume is"
        + " tissue wrongly called lesion and the false-negative volume lesions missed entirely (mL, lower is"
        + " better); lesion-wise sensitivity is the share of true lesions found.</li>"
        + "<li>Spreads are <b>across patients</b> (mean ± SD, 95 % confidence interval of the mean), never across"
        + " slices, so correlated slices of one patient do not inflate the certainty.</li>"
        + "<li>Each method keeps <b>one colour</b> in every chart. In the example slices, <b style=\"color:#00a344\">"
        + "green</b> outlines the true lesion and <b style=\"color:#e0102f\">red</b> the prediction; on PET dark"
        + " means high uptake.</li>"
        + "<li>Exact definitions are at the end of the page; the tables are in Parquet files beside this page.</li>"
        + "</ul>";
    section(b, "how-to-read", "How to read this report", text);
  }

  private static void regions(StringBuilder b, ReportData data) {
    if (data.segmentingMethods().stream().allMatch(m -> m.regions().isEmpty())) {
      return;
    }
    section(b, "regions", "Dice per region", "<p class=\"note\">Each output region of the studies' kind, derived"
        + " from the label values of annotation and prediction alike (lesion: any label; brain MRI: whole tumour WT ="
        + " labels 1, 2, 4, tumour core TC = 1, 4, enhancing tumour ET = 4), scored per patient against the first"
        + " annotation source: mean ± SD and 95 % confidence interval over the patients where the region is present"
        + " (n).</p>" + ReportHtmlTables.regions(data));
  }

  private static void sensitivity(StringBuilder b, ReportData data, ReportFigures figures,
      List<SizeSensitivity> bySize) {
    if (figures.sensitivity() == null) {
      section(b, "sensitivity", "Detection by lesion size",
          "<p class=\"note\">No method produced masks, so there is no lesion-wise detection.</p>");
      return;
    }
    section(b, "sensitivity", "Detection by lesion size", figureHtml(figures.sensitivity())
        + "<h3>Detected / true lesions per size stratum</h3>"
        + ReportHtmlTables.sensitivity(SizeSensitivity.strata(data), bySize));
  }

  private static void definitions(StringBuilder b, ReportData data) {
    StringBuilder s = new StringBuilder("<dl class=\"defs\">");
    MetricDefinitions.of(data.evaluator()).forEach((term, definition) -> s.append("<dt>").append(Html.escape(term))
        .append("</dt><dd>").append(Html.escape(definition)).append("</dd>"));
    s.append("<dt>Case ids</dt><dd>Patients appear only by the first ").append(CaseIds.SHOWN_CHARS)
        .append(" characters of their pseudonym key; the report holds no patient identity.</dd></dl>");
    section(b, "definitions", "Definitions", s.toString());
  }

  private static void files(StringBuilder b, ReportData data) {
    StringBuilder s = new StringBuilder("<p>Beside this page: <code>summary.json</code> (the headline and"
        + " per-method figures) and the metric tables in Parquet:");
    ReportTables.fileNames(data).values().forEach(f -> s.append(" <code>").append(Html.escape(f)).append("</code>"));
    s.append(".</p>");
    section(b, "files", "Files", s.toString());
  }

  private static void figureSection(StringBuilder b, String id, String title, List<Figure> figures, String ifNone) {
    if (figures.isEmpty()) {
      section(b, id, title, "<p class=\"note\">" + Html.escape(ifNone) + "</p>");
      return;
    }
    StringBuilder s = new StringBuilder(figures.get(0).displayWidth() > WIDE_FIGURE ? "<div>" : "<div class=\"figures\">");
    for (Figure f : figures) {
      s.append(figureHtml(f));
    }
    section(b, id, title, s.append("</div>").toString());
  }

  private static String figureHtml(Figure f) {
    return "<figure id=\"" + Html.escape(f.id()) + "\"><img src=\"" + Png.dataUri(f.png()) + "\" width=\""
        + f.displayWidth() + "\" alt=\"" + Html.escape(f.title()) + "\"><figcaption><b>" + Html.escape(f.title())
        + ".</b> " + Html.escape(f.caption()) + "</figcaption></figure>";
  }

  private static void section(StringBuilder b, String id, String title, String body) {
    b.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(title)).append("</h2>").append(body)
        .append("</section>\n");
  }

  private static void tile(StringBuilder b, String label, String value, String sub) {
    b.append("<div class=\"tile\"><div class=\"label\">").append(Html.escape(label)).append("</div><div class=\"value\">")
        .append(Html.escape(value)).append("</div><div class=\"sub\">").append(Html.escape(sub)).append("</div></div>");
  }

  private static String spread(Summary s, int decimals) {
    String interval = Numbers.interval(s, decimals);
    return "SD " + Numbers.fixed(s.sd(), decimals) + (interval.equals(Numbers.NONE) ? "" : ", CI " + interval);
  }

  /** E.g. {@code 2025-11-21 16:22 UTC}. */
  private static String when(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(t);
  }

  private static double largestBound(ReportData data) {
    double largest = 0;
    for (MethodResult m : data.methods()) {
      for (RankingLevel level : RankingLevel.values()) {
        if (m.ranking(level).isDefined()) {
          largest = Math.max(largest, m.ranking(level).auroc().errorBound());
        }
      }
    }
    return largest;
  }

  private static String css() {
    try (InputStream in = ReportHtml.class.getResourceAsStream(CSS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the report style sheet " + CSS_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report style sheet " + CSS_RESOURCE, e);
    }
  }
}
