package io.petal.report;

import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Lesion-wise sensitivity per lesion size stratum (x, smallest first, with its lesion count) and
 * method (bars in the method's colour, labelled with the percentage).
 */
final class SensitivityChart {
  /** Logical size: full page width, so that every bar keeps a readable label. */
  static final int WIDTH = 1040;
  static final int HEIGHT = 430;

  private SensitivityChart() {}

  /** The figure, or null when no method segments. */
  static Figure figure(ReportData data, List<SizeSensitivity> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    String caption = "Lesion-wise sensitivity (detected / true lesions) per lesion size stratum, one bar per method."
        + " A lesion counts as detected by the report's detection criterion (see Definitions); n = true lesions"
        + " in the stratum. A missing bar: no lesion of that size.";
    return ChartStyle.figure("fig-sensitivity-by-size", "Sensitivity by lesion size", caption, chart(data, rows),
        WIDTH, HEIGHT);
  }

  static JFreeChart chart(ReportData data, List<SizeSensitivity> rows) {
    Map<Integer, String> labels = categoryLabels(data, rows);
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    Map<Integer, Integer> colourOf = new TreeMap<>();
    for (SizeSensitivity r : rows) {
      double s = r.sensitivity();
      bars.addValue(Double.isNaN(s) ? null : s, r.method(), labels.get(r.stratumOrder()));
      colourOf.putIfAbsent(bars.getRowIndex(r.method()), r.methodIndex());
    }
    JFreeChart chart = ChartStyle.apply(ChartFactory.createBarChart(null, "Lesion size (equivalent-sphere radius)",
        "Lesion-wise sensitivity", bars, PlotOrientation.VERTICAL, true, false, false));
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    colourOf.forEach((series, method) -> renderer.setSeriesPaint(series, MethodColors.of(method)));
    renderer.setItemMargin(0.04);
    renderer.setDrawBarOutline(false);
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0%")));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setRange(0, 1.08);
    axis.setNumberFormatOverride(new DecimalFormat("0%"));
    CategoryAxis strata = plot.getDomainAxis();
    strata.setMaximumCategoryLabelLines(3);
    strata.setCategoryMargin(0.18);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    return chart;
  }

  /** "NAME / radius range / n = k" per stratum; where methods saw different counts, the range of n. */
  private static Map<Integer, String> categoryLabels(ReportData data, List<SizeSensitivity> rows) {
    Map<Integer, long[]> counts = new TreeMap<>();
    Map<Integer, String> names = new TreeMap<>();
    for (SizeSensitivity r : rows) {
      names.put(r.stratumOrder(), r.stratum());
      long n = r.count().lesions();
      counts.merge(r.stratumOrder(), new long[] {n, n},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    Map<Integer, String> labels = new TreeMap<>();
    names.forEach((order, name) -> {
      long[] n = counts.get(order);
      String radii = SizeSensitivity.radiusRange(data.sizeStrata(), name);
      labels.put(order, name + (radii.isEmpty() ? "" : "\n" + radii) + "\nn = "
          + (n[0] == n[1] ? n[0] : n[0] + "–" + n[1]));
    });
    return labels;
  }
}
