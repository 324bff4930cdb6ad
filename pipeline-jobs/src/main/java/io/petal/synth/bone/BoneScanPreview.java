package io.petal.synth.bone;

import io.petal.geometry.PlanarViewGrid;
import io.petal.synth.PreviewPanel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A quick-look picture of a synthetic bone scan as clinical displays show it: the anterior view
 * (seen from the front) and the posterior view (seen from behind) side by side, inverted grey
 * scale from 0 counts (white) to the 99th percentile of the body's counts (black), metastases
 * outlined in red, square pixels.
 */
public final class BoneScanPreview {
  /** Height of each panel (pixels). */
  public static final int PANEL_HEIGHT_PX = 800;
  public static final int HEADER_PX = 24;
  public static final int GAP_PX = 8;
  static final Color OUTLINE = new Color(230, 20, 20);
  static final double BLACK_PERCENTILE = 0.99;

  private BoneScanPreview() {}

  /** The preview of {@code study}, titled {@code title}. */
  public static BufferedImage render(BoneScanStudy study, String title) {
    int cols = study.counts().grid().nx();
    int rows = study.counts().grid().ny();
    int panelW = Math.max(1, (int) Math.round(PANEL_HEIGHT_PX * study.counts().grid().spacing(0) * cols
        / (study.counts().grid().spacing(1) * rows)));
    BufferedImage img = new BufferedImage(2 * panelW + GAP_PX, PANEL_HEIGHT_PX + HEADER_PX, BufferedImage.TYPE_INT_RGB);
    Graphics2D gr = img.createGraphics();
    gr.setColor(Color.DARK_GRAY);
    gr.fillRect(0, 0, img.getWidth(), img.getHeight());
    double black = bodyPercentile(study.counts().data(), BLACK_PERCENTILE);
    for (BoneScanView v : BoneScanView.values()) {
      float[] counts = study.view(v);
      float[] label = study.labels().slice(v.ordinal());
      if (v == BoneScanView.POSTERIOR) {
        counts = PlanarViewGrid.mirrorColumns(counts, cols);
        label = PlanarViewGrid.mirrorColumns(label, cols);
      }
      int x0 = v.ordinal() * (panelW + GAP_PX);
      PreviewPanel.paint(img, x0, HEADER_PX, panelW, PANEL_HEIGHT_PX, columnsRows(counts, cols, rows),
          c -> 1 - Math.min(1, Math.max(0, c / black)));
      float[][] l = columnsRows(label, cols, rows);
      boolean[][] mask = new boolean[cols][rows];
      for (int i = 0; i < cols; i++) {
        for (int j = 0; j < rows; j++) {
          mask[i][j] = l[i][j] != 0;
        }
      }
      PreviewPanel.outline(img, x0, HEADER_PX, panelW, PANEL_HEIGHT_PX, mask, OUTLINE.getRGB());
    }
    PreviewPanel.title(gr, title + "  |  ANT  POST", HEADER_PX);
    gr.dispose();
    return img;
  }

  private static float[][] columnsRows(float[] frame, int cols, int rows) {
    float[][] out = new float[cols][rows];
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) {
        out[i][j] = frame[j * cols + i];
      }
    }
    return out;
  }

  /** The {@code q} quantile of the pixels with counts (the body), at least 1. */
  private static double bodyPercentile(float[] counts, double q) {
    float[] body = new float[counts.length];
    int n = 0;
    for (float c : counts) {
      if (c > 0) {
        body[n++] = c;
      }
    }
    if (n == 0) {
      return 1;
    }
    float[] sorted = Arrays.copyOf(body, n);
    Arrays.sort(sorted);
    return Math.max(1, sorted[(int) Math.min(n - 1, Math.floor(q * n))]);
  }
}
