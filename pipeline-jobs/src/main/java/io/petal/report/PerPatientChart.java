package io.petal.report;

import io.petal.metrics.PatientSegmentationMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.data.statistics.BoxAndWhiskerCalculator;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;

/**
 * The distribution of one per-patient metric (Dice, FPV, FNV, …) per segmenting method: a box
 * (quartiles, median line, whiskers to the last value within 1.5 IQR), the mean as a white diamond and
 * every patient as a dot. Undefined values (NaN) are left out; each method's label says how
 * many patients it shows.
 */
final class PerPatientChart {
  private static final String SERIES = "patients";

  /**
   * One per-patient metric.
   *
   * @param key figure id suffix, e.g. {@code dice}
   * @param title figure title
   * @param axisLabel value axis label with unit
   * @param value the metric of a patient
   * @param unitRange true for metrics in [0, 1] (fixed axis)
   * @param meaning what the metric is, for the caption
   */
  record Metric(String key, String title, String axisLabel, ToDoubleFunction<PatientSegmentationMetrics> value,
      boolean unitRange, String meaning) {}

  static final Metric DICE = new Metric("dice", "Dice per patient", "Dice",
      PatientSegmentationMetrics::dice, true,
      "Dice overlap of predicted and true masks per patient (1 = perfect); patients without a true lesion are"
          + " left out (undefined by the empty-mask policy).");
  static final Metric FALSE_POSITIVE_VOLUME = new Metric("fpv", "False-positive volume per patient",
      "False-positive volume (mL)", PatientSegmentationMetrics::falsePositiveVolumeMl, false,
      "False-positive volume per patient: mL of predicted components that touch no true lesion (0 is best).");
  static final Metric FALSE_NEGATIVE_VOLUME = new Metric("fnv", "False-negative volume per patient",
      "False-negative volume (mL)", PatientSegmentationMetrics::falseNegativeVolumeMl, false,
      "False-negative volume per patient: mL of true lesions that no predicted voxel touches (0 is best).");

  private PerPatientChart() {}

  /** The figure of {@code metric}, or null when no method segments. */
  static Figure figure(ReportData data, Metric metric) {
    if (data.segmentingMethods().isEmpty()) {
      return null;
    }
    String caption = metric.meaning() + " Box: quartiles and median line; white diamond: mean; whiskers: last"
        + " patient within 1.5 × IQR of the box; dots: patients.";
    return ChartStyle.figure("fig-" + metric.key(), metric.title(), caption, chart(data, metric));
  }

  static JFreeChart chart(ReportData data, Metric metric) {
    DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
    DefaultMultiValueCategoryDataset dots = new DefaultMultiValueCategoryDataset();
    DefaultMultiValueCategoryDataset means = new DefaultMultiValueCategoryDataset();
    List<Color> colours = new ArrayList<>();
    List<MethodResult> methods = data.methods();
    for (int m = 0; m < methods.size(); m++) {
      MethodResult method = methods.get(m);
      if (!method.segments()) {
        continue;
      }
      List<Double> values = new ArrayList<>();
      for (PatientSegmentationMetrics p : method.patients()) {
        double v = metric.value().applyAsDouble(p);
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
      String label = method.name() + "\nn = " + values.size();
      boxes.add(boxWithoutOutliers(values), SERIES, label);
      dots.add(values, SERIES, label);
      means.add(values.isEmpty() ? List.of() : List.of(values.stream().mapToDouble(Double::doubleValue).average()
          .orElseThrow()), SERIES, label);
      colours.add(MethodColors.of(m));
    }
    CategoryAxis methodAxis = new CategoryAxis(null);
    methodAxis.setMaximumCategoryLabelLines(3);
    NumberAxis valueAxis = new NumberAxis(metric.axisLabel());
    if (metric.unitRange()) {
      valueAxis.setRange(0, 1.0001);
    } else {
      valueAxis.setAutoRangeIncludesZero(true);
    }
    CategoryPlot plot = new CategoryPlot(boxes, methodAxis, valueAxis, boxRenderer(colours));
    plot.setDataset(1, dots);
    plot.setRenderer(1, dotRenderer(colours));
    plot.setDataset(2, means);
    plot.setRenderer(2, meanRenderer());
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return ChartStyle.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
  }

  /**
   * Quartiles, median and whiskers of {@code values} without outlier markers (every patient is
   * drawn as a dot anyway) and without JFreeChart's mean symbol (drawn separately).
   */
  private static BoxAndWhiskerItem boxWithoutOutliers(List<Double> values) {
    if (values.isEmpty()) {
      return new BoxAndWhiskerItem(null, null, null, null, null, null, null, null, List.of());
    }
    BoxAndWhiskerItem full = BoxAndWhiskerCalculator.calculateBoxAndWhiskerStatistics(values);
    return new BoxAndWhiskerItem(null, full.getMedian(), full.getQ1(), full.getQ3(), full.getMinRegularValue(),
        full.getMaxRegularValue(), null, null, List.of());
  }

  private static ScatterRenderer meanRenderer() {
    ScatterRenderer r = new ScatterRenderer();
    r.setSeriesShape(0, new Polygon(new int[] {0, 6, 0, -6}, new int[] {-6, 0, 6, 0}, 4));
    r.setUseFillPaint(true);
    r.setSeriesFillPaint(0, Color.WHITE);
    r.setDrawOutlines(true);
    r.setUseOutlinePaint(true);
    r.setSeriesOutlinePaint(0, ChartStyle.TEXT);
    r.setSeriesOutlineStroke(0, new BasicStroke(1.6f));
    return r;
  }

  private static BoxAndWhiskerRenderer boxRenderer(List<Color> colours) {
    BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return MethodColors.withAlpha(colours.get(column), 70);
      }

      @Override
      public Paint getItemOutlinePaint(int row, int column) {
        return colours.get(column);
      }
    };
    r.setMaxOutlierVisible(false);
    r.setMinOutlierVisible(false);
    r.setMeanVisible(false);
    r.setMedianVisible(true);
    r.setMaximumBarWidth(0.18);
    r.setUseOutlinePaintForWhiskers(true);
    r.setDefaultOutlineStroke(new BasicStroke(1.5f));
    r.setWhiskerWidth(0.5);
    return r;
  }

  private static ScatterRenderer dotRenderer(List<Color> colours) {
    ScatterRenderer r = new ScatterRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return MethodColors.withAlpha(colours.get(column), 170);
      }
    };
    Shape dot = new Ellipse2D.Double(-3, -3, 6, 6);
    r.setSeriesShape(0, dot);
    r.setUseFillPaint(false);
    r.setUseOutlinePaint(false);
    r.setDrawOutlines(false);
    return r;
  }
}
