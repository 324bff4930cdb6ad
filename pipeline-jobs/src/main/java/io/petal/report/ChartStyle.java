package io.petal.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every chart of a report: white background, light grid, no frames, sans-serif
 * text large enough to read at the page's display size, and the chart's logical size.
 */
final class ChartStyle {
  /** Logical chart size (CSS pixels) and the raster scale for sharp high-density display. */
  static final int WIDTH = 560;
  static final int HEIGHT = 420;
  static final int SCALE = 2;

  static final Color GRID = new Color(0xE3E6EA);
  static final Color AXIS = new Color(0x5F6B7A);
  static final Color TEXT = new Color(0x1F2933);
  static final BasicStroke CURVE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {5f, 4f}, 0f);

  private static final String FONT = Font.SANS_SERIF;
  private static final StandardChartTheme THEME = theme();

  private ChartStyle() {}

  /** Applies the report's look; call before setting series colours (the theme resets them). */
  static JFreeChart apply(JFreeChart chart) {
    THEME.apply(chart);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(6, 4, 4, 10));
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(BlockBorder.NONE);
      chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 13));
    }
    chart.getPlot().setOutlineVisible(false);
    return chart;
  }

  /** The chart as a {@link Figure} of the standard size. */
  static Figure figure(String id, String title, String caption, JFreeChart chart) {
    return figure(id, title, caption, chart, WIDTH, HEIGHT);
  }

  /** The chart as a {@link Figure} of {@code width} x {@code height} CSS pixels. */
  static Figure figure(String id, String title, String caption, JFreeChart chart, int width, int height) {
    return new Figure(id, title, caption, Png.encode(chart, width, height, SCALE), width);
  }

  private static StandardChartTheme theme() {
    StandardChartTheme t = new StandardChartTheme("petal-report");
    t.setExtraLargeFont(new Font(FONT, Font.BOLD, 16));
    t.setLargeFont(new Font(FONT, Font.PLAIN, 14));
    t.setRegularFont(new Font(FONT, Font.PLAIN, 13));
    t.setSmallFont(new Font(FONT, Font.PLAIN, 11));
    t.setTitlePaint(TEXT);
    t.setSubtitlePaint(TEXT);
    t.setChartBackgroundPaint(Color.WHITE);
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setLegendBackgroundPaint(Color.WHITE);
    t.setLegendItemPaint(TEXT);
    t.setDomainGridlinePaint(GRID);
    t.setRangeGridlinePaint(GRID);
    t.setAxisLabelPaint(TEXT);
    t.setTickLabelPaint(AXIS);
    t.setItemLabelPaint(TEXT);
    t.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
    t.setBarPainter(new StandardBarPainter());
    t.setXYBarPainter(new StandardXYBarPainter());
    t.setShadowVisible(false);
    return t;
  }
}
