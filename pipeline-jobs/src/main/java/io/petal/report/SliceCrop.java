package io.petal.report;

/**
 * The part of an {@link ExampleSlice} a figure shows, in pixels: a region around the true and
 * predicted masks, so that a lesion of a few millimetres is not lost in a whole-body field of view.
 * The region is at least {@code minSideMm} wide and high (anatomical context) and at least
 * {@value #CONTEXT_FACTOR} times the masks' extent, centred on the masks, shifted to stay inside
 * the slice; the whole slice when the masks are empty or the region would cover it anyway.
 *
 * @param x0 first column shown
 * @param y0 first row shown
 * @param width columns shown
 * @param height rows shown
 */
record SliceCrop(int x0, int y0, int width, int height) {
  /** The region spans at least this multiple of the masks' extent. */
  static final double CONTEXT_FACTOR = 3;

  /** The region of {@code s} to show. */
  static SliceCrop around(ExampleSlice s, double minSideMm) {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < s.height(); y++) {
      for (int x = 0; x < s.width(); x++) {
        int i = y * s.width() + x;
        if (s.truth()[i] || (s.predicted() != null && s.predicted()[i])) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      return whole(s);
    }
    double extentMm = Math.max((maxX - minX + 1) * s.columnSpacingMm(), (maxY - minY + 1) * s.rowSpacingMm());
    double sideMm = Math.max(minSideMm, CONTEXT_FACTOR * extentMm);
    int w = Math.min(s.width(), (int) Math.ceil(sideMm / s.columnSpacingMm()));
    int h = Math.min(s.height(), (int) Math.ceil(sideMm / s.rowSpacingMm()));
    int x0 = clamp((int) Math.round((minX + maxX + 1) / 2.0 - w / 2.0), s.width() - w);
    int y0 = clamp((int) Math.round((minY + maxY + 1) / 2.0 - h / 2.0), s.height() - h);
    return new SliceCrop(x0, y0, w, h);
  }

  /** The whole slice. */
  static SliceCrop whole(ExampleSlice s) {
    return new SliceCrop(0, 0, s.width(), s.height());
  }

  /** The values of {@code image} ({@code [height][width]} of the slice, row-major) inside the region. */
  float[] of(float[] image, int sliceWidth) {
    float[] part = new float[width * height];
    for (int y = 0; y < height; y++) {
      System.arraycopy(image, (y0 + y) * sliceWidth + x0, part, y * width, width);
    }
    return part;
  }

  /** True when the whole slice is shown. */
  boolean isWhole(ExampleSlice s) {
    return width == s.width() && height == s.height();
  }

  /** Width shown, mm. */
  double widthMm(ExampleSlice s) {
    return width * s.columnSpacingMm();
  }

  /** Height shown, mm. */
  double heightMm(ExampleSlice s) {
    return height * s.rowSpacingMm();
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
