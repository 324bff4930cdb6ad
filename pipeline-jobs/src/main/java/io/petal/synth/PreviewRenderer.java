package io.petal.synth;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

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
    PreviewPanel.title(gr, title, HEADER_PX);
    gr.dispose();
    return img;
  }

  private static void paintPanel(BufferedImage img, int x0, int y0, int w, float[][] values,
      boolean[][] mask, PreviewPanel.GreyScale scale) {
    PreviewPanel.paint(img, x0, y0, w, PANEL_HEIGHT_PX, values, scale);
    if (mask != null) {
      PreviewPanel.outline(img, x0, y0, w, PANEL_HEIGHT_PX, mask, OUTLINE.getRGB());
    }
  }
}
