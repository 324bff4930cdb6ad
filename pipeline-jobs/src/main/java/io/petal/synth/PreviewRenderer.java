package io.petal.synth;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a quick-look picture of a PET/CT study for a person to check: on the left the coronal
 * maximum-intensity projection of the SUV (inverted grey scale, SUV 0 white to
 * {@link #SUV_DISPLAY_MAX} black, like clinical displays) with the lesions (the projection of the
 * SEG) outlined in red; on the right the coronal CT slice through the body's centre in a
 * soft-tissue window (W400/L40) with the lesions of that slice outlined. Pixels are square in mm
 * (the volumes are resampled for display), the head is at the top and the patient's right on the
 * viewer's left. A header line carries the title.
 *
 * <p>The grid may have any axis order and direction but must be axis-aligned (each index axis
 * along one patient axis), as every grid of the synthetic cohort and of most scanners is.
 */
public final class PreviewRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewRenderer.class);

  /** SUV shown as black in the projection (SUV). */
  public static final double SUV_DISPLAY_MAX = 10;
  /** CT window: level and width (HU). */
  public static final double CT_LEVEL_HU = 40;
  public static final double CT_WIDTH_HU = 400;
  /** Height of each panel (pixels). */
  public static final int PANEL_HEIGHT_PX = 800;
  /** Height of the header band and the gap between panels (pixels). */
  public static final int HEADER_PX = 24;
  public static final int GAP_PX = 8;
  /** Lesion outline colour. */
  public static final Color OUTLINE = new Color(230, 20, 20);
  /** Voxels above this HU count as body when looking for the body's centre. */
  private static final double BODY_HU = -500;

  private PreviewRenderer() {}

  /** The preview of a synthetic study, titled with its id and lesion count. */
  public static BufferedImage render(SyntheticStudy study) {
    String title = study.studyId() + "  |  " + (study.abnormal() ? "abnormal" : "normal")
        + "  |  lesions: " + study.lesions().size();
    return render(study.suv(), study.ct(), study.seg(), title);
  }

  /**
   * The preview of three co-registered volumes: SUV, CT (HU) and a lesion mask (> 0.5 = lesion;
   * may be null).
   */
  public static BufferedImage render(Volume suv, Volume ct, Volume seg, String title) {
    ImageGrid g = suv.grid();
    if (!g.sameGeometry(ct.grid(), 1e-3) || (seg != null && !g.sameGeometry(seg.grid(), 1e-3))) {
      throw new IllegalArgumentException("preview '" + title + "': SUV, CT and SEG grids differ");
    }
    CoronalView view = CoronalView.of(g, title);
    float[][] mip = view.projectMax(suv.data());
    boolean[][] segMip = seg == null ? null : view.projectAny(seg.data(), 0.5f);
    int centre = view.bodyCentre(ct.data(), BODY_HU);
    float[][] ctSlice = view.slice(ct.data(), centre);
    boolean[][] segSlice = seg == null ? null : view.sliceMask(seg.data(), centre, 0.5f);

    double pxPerMm = PANEL_HEIGHT_PX / view.heightMm();
    int panelW = Math.max(1, (int) Math.round(view.widthMm() * pxPerMm));
    BufferedImage img = new BufferedImage(2 * panelW + GAP_PX, PANEL_HEIGHT_PX + HEADER_PX,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D gr = img.createGraphics();
    gr.setColor(Color.DARK_GRAY);
    gr.fillRect(0, 0, img.getWidth(), img.getHeight());
    paintPanel(img, 0, HEADER_PX, panelW, mip, segMip,
        v -> 1 - Math.min(1, Math.max(0, v / SUV_DISPLAY_MAX)));
    double lo = CT_LEVEL_HU - CT_WIDTH_HU / 2;
    paintPanel(img, panelW + GAP_PX, HEADER_PX, panelW, ctSlice, segSlice,
        v -> Math.min(1, Math.max(0, (v - lo) / CT_WIDTH_HU)));
    drawTitle(gr, title);
    gr.dispose();
    return img;
  }

  /** Maps a value to a grey level in [0, 1]. */
  private interface GreyScale {
    double grey(double value);
  }

  private static void paintPanel(BufferedImage img, int x0, int y0, int w, float[][] values,
      boolean[][] mask, GreyScale scale) {
    int cols = values.length;
    int rows = values[0].length;
    int h = PANEL_HEIGHT_PX;
    boolean[][] shown = new boolean[w][h];
    for (int y = 0; y < h; y++) {
      double fr = (y + 0.5) * rows / h - 0.5;
      for (int x = 0; x < w; x++) {
        double fc = (x + 0.5) * cols / w - 0.5;
        int g = (int) Math.round(255 * scale.grey(bilinear(values, fc, fr)));
        img.setRGB(x0 + x, y0 + y, (g << 16) | (g << 8) | g);
        if (mask != null) {
          int c = Math.min(cols - 1, Math.max(0, (int) Math.round(fc)));
          int r = Math.min(rows - 1, Math.max(0, (int) Math.round(fr)));
          shown[x][y] = mask[c][r];
        }
      }
    }
    if (mask == null) {
      return;
    }
    int red = OUTLINE.getRGB();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!shown[x][y] && touches(shown, x, y)) {
          img.setRGB(x0 + x, y0 + y, red);
        }
      }
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

  private static void drawTitle(Graphics2D gr, String title) {
    try {
      gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      gr.setColor(Color.WHITE);
      gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      gr.drawString(title, 6, HEADER_PX - 7);
    } catch (RuntimeException | Error e) { // headless JVMs without fonts
      LOG.warn("preview title not drawn (no usable font): {}", e.toString());
    }
  }
}
