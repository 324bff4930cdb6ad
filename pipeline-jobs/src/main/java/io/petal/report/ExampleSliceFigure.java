package io.petal.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleToIntFunction;

/**
 * The picture of one {@link ExampleSlice}: side by side PET (inverted grey, {@link
 * IntensityWindow#PET_SUV}), CT (soft-tissue window) and the anomaly map as a heat overlay on the
 * CT (lung-to-bone window, dimmed), each with the true mask outlined in green and the predicted
 * mask in red, a scale bar in mm and a colour bar of its window. The panels show the region
 * around the masks ({@link SliceCrop}, at least {@value #MIN_FIELD_OF_VIEW_MM} mm), pixels square in
 * mm (non-square pixel spacing is corrected), each panel scaled to a fixed width.
 */
final class ExampleSliceFigure {
  /** Logical size of a panel's picture area (CSS pixels): width, and the largest height. */
  static final int PANEL_WIDTH = 340;
  static final int MAX_PANEL_HEIGHT = 400;
  /** Raster scale for sharp high-density display. */
  static final int SCALE = 2;
  /** CT behind the anomaly map: wide enough to show lung and soft tissue. */
  static final IntensityWindow CT_UNDER_ANOMALY = IntensityWindow.ofWidthLevel(1600, -300);
  /** Smallest field of view around the lesions, mm: enough anatomy to see where they are. */
  static final double MIN_FIELD_OF_VIEW_MM = 180;

  private static final int MARGIN = 10;
  private static final int GAP = 14;
  private static final int HEADER = 24;
  private static final int COLOUR_BAR = 40;
  private static final int LEGEND = 30;
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color INK = new Color(0x1F2933);
  private static final BasicStroke TRUTH_STROKE = new BasicStroke(2.2f);
  private static final BasicStroke PREDICTED_STROKE = new BasicStroke(1.4f);
  private static final double[] SCALE_BAR_MM = {5, 10, 20, 50, 100, 200, 500};

  /** One picture panel: its title, raster, display window and colour ramp, and the scale-bar colour. */
  private record Panel(String title, BufferedImage raster, IntensityWindow window, DoubleToIntFunction ramp,
      Color barInk) {}

  private ExampleSliceFigure() {}

  /** The figure of example {@code number} (1-based) of a report. */
  static Figure figure(ExampleSlice s, int number) {
    String caseId = CaseIds.shortId(s.caseId());
    String title = "Example " + number + ": case " + caseId + ", slice " + s.sliceIndex()
        + String.format(Locale.ROOT, " (z = %.1f mm)", s.zMm());
    SliceCrop crop = SliceCrop.around(s, MIN_FIELD_OF_VIEW_MM);
    StringBuilder caption = new StringBuilder("PET (inverted grey, ").append(IntensityWindow.PET_SUV.describe())
        .append("), CT (soft-tissue window, ").append(IntensityWindow.CT_SOFT_TISSUE.describe()).append(")");
    if (s.anomaly() != null) {
      caption.append(" and the anomaly map (heat, ").append(anomalyWindow(s, crop).describe())
          .append(" = largest value shown, over the CT)");
    }
    caption.append(". Green: true lesion outline");
    if (s.predicted() != null) {
      caption.append("; red: predicted by ").append(s.predictedBy());
    }
    if (!crop.isWhole(s)) {
      caption.append(String.format(Locale.ROOT, ". Shown: %.0f × %.0f mm around the lesion of a %.0f × %.0f mm slice",
          crop.widthMm(s), crop.heightMm(s), s.widthMm(), s.heightMm()));
    }
    caption.append(String.format(Locale.ROOT, ". Pixel spacing %.2f × %.2f mm; scale bar in mm.",
        s.columnSpacingMm(), s.rowSpacingMm()));
    BufferedImage picture = render(s);
    return new Figure("fig-example-" + number, title, caption.toString(), Png.encode(picture),
        picture.getWidth() / SCALE);
  }

  /** The picture, {@link #SCALE} raster pixels per logical pixel. */
  static BufferedImage render(ExampleSlice s) {
    SliceCrop crop = SliceCrop.around(s, MIN_FIELD_OF_VIEW_MM);
    List<Panel> panels = panels(s, crop);
    double mmWide = crop.widthMm(s);
    double mmHigh = crop.heightMm(s);
    double w = PANEL_WIDTH;
    double h = w * mmHigh / mmWide;
    if (h > MAX_PANEL_HEIGHT) {
      h = MAX_PANEL_HEIGHT;
      w = h * mmWide / mmHigh;
    }
    int panelW = (int) Math.round(w);
    int panelH = (int) Math.round(h);
    int width = 2 * MARGIN + panels.size() * panelW + (panels.size() - 1) * GAP;
    int height = MARGIN + HEADER + panelH + COLOUR_BAR + LEGEND + MARGIN;
    BufferedImage img = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(SCALE, SCALE);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      Shape truth = MaskOutline.of(s.truth(), s.width(), s.height());
      Shape predicted = s.predicted() == null ? null : MaskOutline.of(s.predicted(), s.width(), s.height());
      double pixelsPerMm = panelW / mmWide;
      for (int p = 0; p < panels.size(); p++) {
        int x0 = MARGIN + p * (panelW + GAP);
        int y0 = MARGIN + HEADER;
        drawPanel(g, panels.get(p), x0, y0, panelW, panelH, pixelsPerMm, truth, predicted, crop);
      }
      drawLegend(g, s, MARGIN, height - MARGIN - LEGEND / 2);
    } finally {
      g.dispose();
    }
    return img;
  }

  private static List<Panel> panels(ExampleSlice s, SliceCrop crop) {
    List<Panel> panels = new ArrayList<>();
    panels.add(new Panel("PET", SliceRasters.pet(s, IntensityWindow.PET_SUV), IntensityWindow.PET_SUV,
        Colormaps::invertedGrey, Color.BLACK));
    panels.add(new Panel("CT", SliceRasters.ct(s, IntensityWindow.CT_SOFT_TISSUE), IntensityWindow.CT_SOFT_TISSUE,
        Colormaps::grey, Color.WHITE));
    if (s.anomaly() != null) {
      IntensityWindow anomaly = anomalyWindow(s, crop);
      panels.add(new Panel("Anomaly map over CT", SliceRasters.anomalyOverCt(s, CT_UNDER_ANOMALY, anomaly),
          anomaly, f -> Colormaps.heatOver(Colormaps.grey(0.3), f), Color.WHITE));
    }
    return panels;
  }

  /** The anomaly map's window: 0 to its largest value in the region shown. */
  private static IntensityWindow anomalyWindow(ExampleSlice s, SliceCrop crop) {
    return IntensityWindow.forAnomaly(crop.of(s.anomaly(), s.width()));
  }

  private static void drawPanel(Graphics2D g, Panel panel, int x0, int y0, int w, int h, double pixelsPerMm,
      Shape truth, Shape predicted, SliceCrop crop) {
    g.setFont(TITLE_FONT);
    g.setColor(INK);
    g.drawString(panel.title(), x0, y0 - 7);
    g.drawImage(panel.raster(), x0, y0, x0 + w, y0 + h, crop.x0(), crop.y0(), crop.x0() + crop.width(),
        crop.y0() + crop.height(), null);
    AffineTransform toPanel = new AffineTransform();
    toPanel.translate(x0, y0);
    toPanel.scale((double) w / crop.width(), (double) h / crop.height());
    toPanel.translate(-crop.x0(), -crop.y0());
    Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(x0, y0, w, h));
    g.setColor(MethodColors.TRUTH_CONTOUR);
    g.setStroke(TRUTH_STROKE);
    g.draw(toPanel.createTransformedShape(truth));
    if (predicted != null) {
      g.setColor(MethodColors.PREDICTED_CONTOUR);
      g.setStroke(PREDICTED_STROKE);
      g.draw(toPanel.createTransformedShape(predicted));
    }
    drawScaleBar(g, panel.barInk(), x0 + 10, y0 + h - 12, w, pixelsPerMm);
    g.setClip(clip);
    g.setColor(new Color(0xC9CED6));
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x0 - 0.5, y0 - 0.5, w + 1, h + 1));
    drawColourBar(g, panel, x0, y0 + h + 10, w);
  }

  /** A bar of a round length in mm, about a fifth of the panel wide, with its length written above. */
  private static void drawScaleBar(Graphics2D g, Color ink, int x, int y, int panelW, double pixelsPerMm) {
    double mm = SCALE_BAR_MM[0];
    for (double candidate : SCALE_BAR_MM) {
      if (candidate * pixelsPerMm <= panelW * 0.25) {
        mm = candidate;
      }
    }
    double length = mm * pixelsPerMm;
    g.setColor(ink);
    g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    g.draw(new Line2D.Double(x, y, x + length, y));
    g.setFont(LABEL_FONT);
    g.drawString((long) mm + " mm", x, y - 6);
  }

  private static void drawColourBar(Graphics2D g, Panel panel, int x0, int y, int w) {
    int barW = (int) Math.round(w * 0.6);
    int barH = 9;
    for (int i = 0; i < barW; i++) {
      g.setColor(new Color(panel.ramp().applyAsInt((double) i / (barW - 1))));
      g.fillRect(x0 + i, y, 1, barH);
    }
    g.setColor(new Color(0x9AA5B1));
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x0, y, barW, barH);
    g.setFont(LABEL_FONT);
    g.setColor(INK);
    FontMetrics fm = g.getFontMetrics();
    String low = panel.window().label(panel.window().low());
    String high = panel.window().label(panel.window().high());
    g.drawString(low, x0, y + barH + fm.getAscent() + 2);
    g.drawString(high, x0 + barW - fm.stringWidth(high), y + barH + fm.getAscent() + 2);
  }

  private static void drawLegend(Graphics2D g, ExampleSlice s, int x, int y) {
    g.setFont(LABEL_FONT);
    FontMetrics fm = g.getFontMetrics();
    int cx = legendItem(g, fm, x, y, MethodColors.TRUTH_CONTOUR, TRUTH_STROKE, "true lesion");
    if (s.predicted() != null) {
      cx = legendItem(g, fm, cx + 18, y, MethodColors.PREDICTED_CONTOUR, PREDICTED_STROKE,
          "predicted: " + s.predictedBy());
    }
    g.setColor(INK);
    g.drawString("case " + CaseIds.shortId(s.caseId()) + ", slice " + s.sliceIndex(), cx + 18,
        y + fm.getAscent() / 2 - 1);
  }

  private static int legendItem(Graphics2D g, FontMetrics fm, int x, int y, Color colour, BasicStroke stroke,
      String text) {
    g.setColor(colour);
    g.setStroke(new BasicStroke(stroke.getLineWidth() + 0.8f));
    g.draw(new Line2D.Double(x, y, x + 22, y));
    g.setColor(INK);
    g.drawString(text, x + 28, y + fm.getAscent() / 2 - 1);
    return x + 28 + fm.stringWidth(text);
  }
}
