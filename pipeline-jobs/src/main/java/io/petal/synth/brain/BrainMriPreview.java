package io.petal.synth.brain;

import io.petal.image.ImageGrid;
import io.petal.schema.BratsLabels;
import io.petal.synth.PreviewPanel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A quick-look picture of a synthetic brain MRI study: the axial slice through the tumour's
 * centroid (the middle slice for a normal study) in T1, T1ce, T2 and FLAIR side by side, each from
 * 0 (black) to its volume's 99.5th percentile (white), with the BraTS regions outlined: oedema
 * yellow, enhancing tumour red, necrotic/non-enhancing core blue. Anterior at the top, the
 * patient's left on the viewer's right (radiological convention).
 */
public final class BrainMriPreview {
  /** Side of each square panel (pixels). */
  public static final int PANEL_PX = 256;
  public static final int HEADER_PX = 24;
  public static final int GAP_PX = 8;
  static final Color OEDEMA = new Color(240, 220, 30);
  static final Color ENHANCING = new Color(230, 20, 20);
  static final Color CORE = new Color(40, 90, 240);
  static final double WHITE_PERCENTILE = 0.995;

  private BrainMriPreview() {}

  /** The preview of {@code study}, titled {@code title}. */
  public static BufferedImage render(BrainMriStudy study, String title) {
    ImageGrid g = study.seg().grid();
    int k = g.nz() / 2;
    if (study.tumour() != null) {
      double[] index = g.affine().inverse().apply(study.tumour().centroidLps().x(), study.tumour().centroidLps().y(),
          study.tumour().centroidLps().z());
      k = Math.max(0, Math.min(g.nz() - 1, (int) Math.round(index[2])));
    }
    MriContrast[] contrasts = MriContrast.values();
    BufferedImage img = new BufferedImage(contrasts.length * (PANEL_PX + GAP_PX) - GAP_PX, PANEL_PX + HEADER_PX,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D gr = img.createGraphics();
    gr.setColor(Color.DARK_GRAY);
    gr.fillRect(0, 0, img.getWidth(), img.getHeight());
    float[][] seg = slice(study.seg().data(), g, k);
    for (MriContrast c : contrasts) {
      int x0 = c.ordinal() * (PANEL_PX + GAP_PX);
      float[] volume = study.contrast(c).data();
      double white = percentile(volume, WHITE_PERCENTILE);
      PreviewPanel.paint(img, x0, HEADER_PX, PANEL_PX, PANEL_PX, slice(volume, g, k),
          v -> Math.min(1, Math.max(0, v / white)));
      PreviewPanel.outline(img, x0, HEADER_PX, PANEL_PX, PANEL_PX, mask(seg, BratsLabels.EDEMA), OEDEMA.getRGB());
      PreviewPanel.outline(img, x0, HEADER_PX, PANEL_PX, PANEL_PX, mask(seg, BratsLabels.ENHANCING),
          ENHANCING.getRGB());
      PreviewPanel.outline(img, x0, HEADER_PX, PANEL_PX, PANEL_PX, mask(seg, BratsLabels.NECROTIC_CORE),
          CORE.getRGB());
    }
    PreviewPanel.title(gr, title + "  |  T1  T1ce  T2  FLAIR  |  slice " + k, HEADER_PX);
    gr.dispose();
    return img;
  }

  /** Axial slice {@code k} as [column i][row j]. */
  private static float[][] slice(float[] data, ImageGrid g, int k) {
    float[][] out = new float[g.nx()][g.ny()];
    for (int j = 0; j < g.ny(); j++) {
      for (int i = 0; i < g.nx(); i++) {
        out[i][j] = data[g.index(i, j, k)];
      }
    }
    return out;
  }

  private static boolean[][] mask(float[][] labels, int value) {
    boolean[][] m = new boolean[labels.length][labels[0].length];
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels[0].length; j++) {
        m[i][j] = labels[i][j] == value;
      }
    }
    return m;
  }

  private static double percentile(float[] data, double q) {
    float[] sorted = data.clone();
    Arrays.sort(sorted);
    return Math.max(1e-6, sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  }
}
