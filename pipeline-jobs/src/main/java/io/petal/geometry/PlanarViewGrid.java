package io.petal.geometry;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;

/**
 * The reference grid of a study made of planar views (whole-body scintigraphy): {@code columns} ×
 * {@code rows} pixels per view, one view per k index, every view in the anterior orientation — as
 * seen from the front, column i running from the patient's right to left (+x, LPS), row j from
 * head to feet (−z). A posterior view, acquired as seen from behind, is mirrored left–right
 * ({@link #mirrorColumns}) before it joins the grid (the conjugate-view registration of
 * geometric-mean quantification), so pixel (i, j) shows the same body column in every view.
 *
 * <p>Planar views carry no position in the patient: the grid is centred left–right on x = 0 with
 * its top row at z = 0. The third axis indexes views, at a nominal spacing of
 * {@value #VIEW_SPACING_MM} mm along y (views are projections, not slices: its spacing is no
 * thickness).
 */
public final class PlanarViewGrid {
  /** Nominal distance between views along the third axis (mm). */
  public static final double VIEW_SPACING_MM = 1.0;

  private PlanarViewGrid() {}

  /**
   * The grid of {@code views} views of {@code columns} × {@code rows} pixels, {@code columnSpacingMm}
   * apart along a row and {@code rowSpacingMm} apart down a column.
   */
  public static ImageGrid of(int columns, int rows, int views, double columnSpacingMm, double rowSpacingMm) {
    if (!(columnSpacingMm > 0 && rowSpacingMm > 0)) {
      throw new IllegalArgumentException("pixel spacing must be positive, got " + columnSpacingMm + " x "
          + rowSpacingMm + " mm");
    }
    double[] m = {
      columnSpacingMm, 0, 0, -(columns - 1) / 2.0 * columnSpacingMm,
      0, 0, VIEW_SPACING_MM, 0,
      0, -rowSpacingMm, 0, 0};
    return new ImageGrid(columns, rows, views, Affine.of(m));
  }

  /** A copy of a {@code columns}-wide frame (x fastest) with every row reversed left to right. */
  public static float[] mirrorColumns(float[] frame, int columns) {
    if (columns <= 0 || frame.length % columns != 0) {
      throw new IllegalArgumentException("a frame of " + frame.length + " values is not " + columns + " columns wide");
    }
    float[] out = new float[frame.length];
    for (int row = 0; row < frame.length / columns; row++) {
      int from = row * columns;
      for (int i = 0; i < columns; i++) {
        out[from + i] = frame[from + columns - 1 - i];
      }
    }
    return out;
  }
}
