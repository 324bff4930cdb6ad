package io.petal.synth;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drawing helpers of the quick-look previews: a grey panel from a 2D array of values (bilinear,
 * stretched to the panel), outlines of a mask over it (nearest neighbour: a pixel outside the mask
 * next to one inside), and the title line. Arrays are indexed [column][row].
 */
public final class PreviewPanel {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewPanel.class);

  private PreviewPanel() {}

  /** Maps a value to a grey level in [0, 1]. */
  public interface GreyScale {
    double grey(double value);
  }

  /** Paints {@code values} into the {@code w} × {@code h} panel at ({@code x0}, {@code y0}). */
  public static void paint(BufferedImage img, int x0, int y0, int w, int h, float[][] values, GreyScale scale) {
    int cols = values.length;
    int rows = values[0].length;
    for (int y = 0; y < h; y++) {
      double fr = (y + 0.5) * rows / h - 0.5;
      for (int x = 0; x < w; x++) {
        double fc = (x + 0.5) * cols / w - 0.5;
        int g = (int) Math.round(255 * scale.grey(bilinear(values, fc, fr)));
        img.setRGB(x0 + x, y0 + y, (g << 16) | (g << 8) | g);
      }
    }
  }

  /** Draws the outline of {@code mask} (same layout as the painted values) in colour {@code rgb}. */
  public static void outline(BufferedImage img, int x0, int y0, int w, int h, boolean[][] mask, int rgb) {
    int cols = mask.length;
    int rows = mask[0].length;
    boolean[][] shown = new boolean[w][h];
    for (int y = 0; y < h; y++) {
      double fr = (y + 0.5) * rows / h - 0.5;
      for (int x = 0; x < w; x++) {
        double fc = (x + 0.5) * cols / w - 0.5;
        int c = Math.min(cols - 1, Math.max(0, (int) Math.round(fc)));
        int r = Math.min(rows - 1, Math.max(0, (int) Math.round(fr)));
        shown[x][y] = mask[c][r];
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!shown[x][y] && touches(shown, x, y)) {
          img.setRGB(x0 + x, y0 + y, rgb);
        }
      }
    }
  }

  /** Writes {@code title} in white on the header band of height {@code headerPx}. */
  public static void title(Graphics2D gr, String title, int headerPx) {
    try {
      gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      gr.setColor(java.awt.Color.WHITE);
      gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      gr.drawString(title, 6, headerPx - 7);
    } catch (RuntimeException | Error e) { // headless JVMs without fonts
      LOG.warn("preview title not drawn (no usable font): {}", e.toString());
    }
  }

  /** True when a pixel of the 8-neighbourhood of (x, y) is set. */
  private static boolean touches(boolean[][] m, int x, int y) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        int yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < m.length && yy < m[0].length && m[xx][yy]) {
          return true;
        }
      }
    }
    return false;
  }

  private static double bilinear(float[][] v, double c, double r) {
    int cols = v.length;
    int rows = v[0].length;
    c = Math.max(0, Math.min(cols - 1, c));
    r = Math.max(0, Math.min(rows - 1, r));
    int c0 = Math.min(cols - 2, (int) Math.floor(c));
    int r0 = Math.min(rows - 2, (int) Math.floor(r));
    c0 = Math.max(0, c0);
    r0 = Math.max(0, r0);
    int c1 = Math.min(cols - 1, c0 + 1);
    int r1 = Math.min(rows - 1, r0 + 1);
    double fc = c - c0;
    double fr = r - r0;
    return (1 - fc) * ((1 - fr) * v[c0][r0] + fr * v[c0][r1])
        + fc * ((1 - fr) * v[c1][r0] + fr * v[c1][r1]);
  }
}
