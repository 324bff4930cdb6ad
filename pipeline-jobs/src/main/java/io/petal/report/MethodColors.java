package io.petal.report;

import java.awt.Color;

/**
 * The colour of each method in every chart, by its position in {@link ReportData#methods()}: the
 * Okabe-Ito palette, distinguishable with the common colour-vision deficiencies. The true and
 * predicted contours of the example slices have their own fixed colours.
 */
public final class MethodColors {
  private static final Color[] PALETTE = {
      new Color(0x0072B2), // blue
      new Color(0xD55E00), // vermillion
      new Color(0x009E73), // bluish green
      new Color(0xCC79A7), // reddish purple
      new Color(0xE69F00), // orange
      new Color(0x56B4E9), // sky blue
      new Color(0x000000), // black
      new Color(0xF0E442), // yellow
  };

  /** Outline of the true lesion mask on example slices. */
  public static final Color TRUTH_CONTOUR = new Color(0x00C853);
  /** Outline of the predicted mask on example slices. */
  public static final Color PREDICTED_CONTOUR = new Color(0xFF1744);

  private MethodColors() {}

  /** Colour of the method at {@code index} (the palette repeats after eight methods). */
  public static Color of(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  /** {@code color} with the given opacity (0..255). */
  public static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }
}
