package io.petal.report;

import io.petal.metrics.CurvePoint;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The ROC curves of every method scored at one level on one chart, each method in its colour with
 * its AUROC and error bound in the legend, and the chance diagonal dashed.
 */
final class RocChart {
  private RocChart() {}

  /** The figure for {@code level}, or null when no method was scored at that level. */
  static Figure figure(ReportData data, RankingLevel level) {
    List<MethodResult> ranked = data.rankedAt(level);
    if (ranked.isEmpty()) {
      return null;
    }
    String caption = "ROC curves at " + level.key() + " level (" + level.meaning() + "), one curve per method. "
        + "x: false-positive rate, y: true-positive rate, as the threshold falls from the highest score. "
        + "The dashed diagonal is chance (AUROC 0.5). Legend: AUROC ± its error bound.";
    return ChartStyle.figure("fig-roc-" + level.key(), "ROC curves, " + level.key() + " level", caption,
        chart(data, level));
  }

  static JFreeChart chart(ReportData data, RankingLevel level) {
    XYSeriesCollection curves = new XYSeriesCollection();
    List<MethodResult> methods = data.methods();
    int[] colourOf = new int[methods.size()];
    for (int m = 0; m < methods.size(); m++) {
      RankingResult r = methods.get(m).ranking(level);
      if (!r.isDefined()) {
        continue;
      }
      XYSeries series = new XYSeries(methods.get(m).name() + "  (AUROC " + Numbers.auroc(r.auroc()) + ")",
          false, true);
      for (CurvePoint p : r.roc()) {
        series.add(p.x(), p.y());
      }
      colourOf[curves.getSeriesCount()] = m;
      curves.addSeries(series);
    }
    JFreeChart chart = ChartStyle.apply(ChartFactory.createXYLineChart(null, "False-positive rate",
        "True-positive rate", curves, PlotOrientation.VERTICAL, true, false, false));
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int s = 0; s < curves.getSeriesCount(); s++) {
      renderer.setSeriesPaint(s, MethodColors.of(colourOf[s]));
      renderer.setSeriesStroke(s, ChartStyle.CURVE);
    }
    plot.setRenderer(renderer);
    plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, ChartStyle.DASHED, ChartStyle.AXIS));
    unitAxis((NumberAxis) plot.getDomainAxis());
    unitAxis((NumberAxis) plot.getRangeAxis());
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    return chart;
  }

  private static void unitAxis(NumberAxis axis) {
    axis.setRange(0, 1);
    axis.setTickUnit(new NumberTickUnit(0.2));
  }
}
