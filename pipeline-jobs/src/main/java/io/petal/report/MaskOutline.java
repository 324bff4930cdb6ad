package io.petal.report;

import java.awt.geom.Path2D;

/**
 * The outline of a 2D mask as line segments along pixel borders: every border between a mask
 * pixel and a non-mask pixel (or the image edge) becomes one unit segment. Coordinates are in
 * pixels with pixel (x, y) covering [x, x + 1] × [y, y + 1], so the outline sits exactly on the
 * mask's edge at any display scale.
 */
final class MaskOutline {
  private MaskOutline() {}

  /**
   * The outline of {@code mask}, {@code [height][width]} row-major (index {@code y * width + x}).
   */
  static Path2D.Double of(boolean[] mask, int width, int height) {
    Path2D.Double path = new Path2D.Double();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (!mask[y * width + x]) {
          continue;
        }
        if (y == 0 || !mask[(y - 1) * width + x]) {
          segment(path, x, y, x + 1, y);
        }
        if (y == height - 1 || !mask[(y + 1) * width + x]) {
          segment(path, x, y + 1, x + 1, y + 1);
        }
        if (x == 0 || !mask[y * width + x - 1]) {
          segment(path, x, y, x, y + 1);
        }
        if (x == width - 1 || !mask[y * width + x + 1]) {
          segment(path, x + 1, y, x + 1, y + 1);
        }
      }
    }
    return path;
  }

  /** True when any pixel of {@code mask} is set. */
  static boolean any(boolean[] mask) {
    for (boolean b : mask) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  private static void segment(Path2D.Double path, double x0, double y0, double x1, double y1) {
    path.moveTo(x0, y0);
    path.lineTo(x1, y1);
  }
}
