package io.petal.report;

/**
 * Colour maps of the example slices, from a window fraction f in [0, 1] to a packed RGB int
 * ({@code 0xRRGGBB}).
 */
final class Colormaps {
  /** Anomaly overlay: fully transparent below this fraction of the window. */
  static final double OVERLAY_START = 0.08;
  /** Anomaly overlay: opacity reached at the top of the window. */
  static final double OVERLAY_OPACITY = 0.85;

  private Colormaps() {}

  /** Black (f = 0) to white (f = 1). */
  static int grey(double f) {
    int g = (int) Math.round(255 * f);
    return g << 16 | g << 8 | g;
  }

  /** White (f = 0) to black (f = 1), the usual PET display. */
  static int invertedGrey(double f) {
    return grey(1 - f);
  }

  /** "Hot": black, red, yellow, white as f rises. */
  static int heat(double f) {
    int r = channel(3 * f);
    int g = channel(3 * f - 1);
    int b = channel(3 * f - 2);
    return r << 16 | g << 8 | b;
  }

  /**
   * The heat colour of {@code f} laid over {@code base}: invisible below {@link #OVERLAY_START},
   * then increasingly opaque up to {@link #OVERLAY_OPACITY}, so the anatomy stays visible where
   * the map is low.
   */
  static int heatOver(int base, double f) {
    if (f <= OVERLAY_START) {
      return base;
    }
    double alpha = OVERLAY_OPACITY * Math.min(1, (f - OVERLAY_START) / (0.5 - OVERLAY_START));
    // start the colour ramp at a visible red rather than black
    int over = heat(0.25 + 0.75 * f);
    return blend(base >> 16 & 0xff, over >> 16 & 0xff, alpha) << 16
        | blend(base >> 8 & 0xff, over >> 8 & 0xff, alpha) << 8
        | blend(base & 0xff, over & 0xff, alpha);
  }

  private static int channel(double v) {
    return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
  }

  private static int blend(int a, int b, double alpha) {
    return (int) Math.round(a * (1 - alpha) + b * alpha);
  }
}
