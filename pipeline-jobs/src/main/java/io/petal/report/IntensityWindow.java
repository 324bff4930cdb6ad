package io.petal.report;

import java.util.Locale;

/**
 * A display window: values from {@code low} to {@code high} spread over the colour map, values
 * outside clamped to its ends.
 *
 * @param low value shown at the map's start (e.g. SUV 0, HU −160)
 * @param high value shown at the map's end
 * @param unit the values' unit, for labels ({@code SUV}, {@code HU}, or empty)
 */
public record IntensityWindow(double low, double high, String unit) {
  /** PET: SUV 0 (white) to 10 (black), the usual fixed whole-body display. */
  public static final IntensityWindow PET_SUV = new IntensityWindow(0, 10, "SUV");
  /** CT soft-tissue window W 400 / L 40 HU. */
  public static final IntensityWindow CT_SOFT_TISSUE = ofWidthLevel(400, 40);
  /** CT lung window W 1500 / L −600 HU. */
  public static final IntensityWindow CT_LUNG = ofWidthLevel(1500, -600);

  public IntensityWindow {
    if (!(high > low) || Double.isInfinite(low) || Double.isInfinite(high)) {
      throw new IllegalArgumentException("a display window needs finite low < high, got " + low + ".." + high);
    }
  }

  /** A CT window by width and level (HU). */
  public static IntensityWindow ofWidthLevel(double widthHu, double levelHu) {
    return new IntensityWindow(levelHu - widthHu / 2, levelHu + widthHu / 2, "HU");
  }

  /**
   * The window for (the shown part of) an anomaly map: 0 up to its largest finite value, so the
   * hottest spot in view is the top of the colour map; 0..1 when no value is positive.
   */
  public static IntensityWindow forAnomaly(float[] values) {
    double top = 0;
    for (float v : values) {
      if (Float.isFinite(v) && v > top) {
        top = v;
      }
    }
    return new IntensityWindow(0, top > 0 ? top : 1, "");
  }

  /** Where {@code value} lies in the window, clamped to [0, 1]; NaN counts as {@code low}. */
  public double fraction(double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    return Math.max(0, Math.min(1, (value - low) / (high - low)));
  }

  /** {@code value} with its unit, e.g. {@code 10 SUV}, {@code -160 HU}, {@code 3.21}. */
  public String label(double value) {
    return unit.isEmpty() ? number(value) : number(value) + " " + unit;
  }

  /** The window in words for captions, e.g. {@code SUV 0 to 10}, {@code -160 to 240 HU}. */
  public String describe() {
    String range = number(low) + " to " + number(high);
    if (unit.isEmpty()) {
      return range;
    }
    return unit.equals("SUV") ? "SUV " + range : range + " " + unit;
  }

  /** Whole numbers without decimals, others with 3 significant digits. */
  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e6
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
  }
}
