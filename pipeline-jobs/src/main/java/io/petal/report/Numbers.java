package io.petal.report;

import io.petal.metrics.AurocEstimate;
import io.petal.metrics.Summary;
import java.util.Locale;

/**
 * How a report prints numbers: a fixed number of decimals per kind of figure, "–" for a figure
 * that is undefined or was not measured (NaN), and the same text in tables, legends and captions.
 */
final class Numbers {
  /** Shown for NaN: undefined or not measured. */
  static final String NONE = "–";

  private Numbers() {}

  /** {@code value} with {@code decimals} decimals, or {@link #NONE}. */
  static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** A fraction in [0, 1] (Dice, AUROC, sensitivity), 3 decimals. */
  static String fraction(double value) {
    return fixed(value, 3);
  }

  /** A volume in mL, 2 decimals. */
  static String ml(double value) {
    return fixed(value, 2);
  }

  /** A fraction as a percentage, one decimal, e.g. {@code 83.3 %}. */
  static String percent(double fraction) {
    return Double.isNaN(fraction) ? NONE : fixed(100 * fraction, 1) + " %";
  }

  /** An AUROC with its error bound, e.g. {@code 0.912 ± 0.0003}, or {@link #NONE}. */
  static String auroc(AurocEstimate a) {
    if (!a.isDefined()) {
      return NONE;
    }
    return fraction(a.value()) + " ± " + bound(a.errorBound());
  }

  /**
   * An AUROC error bound rounded <em>up</em> to 4 decimals (so the printed interval still holds
   * the exact value), {@code 0} when exact.
   */
  static String bound(double bound) {
    if (Double.isNaN(bound)) {
      return NONE;
    }
    return bound == 0 ? "0" : fixed(Math.ceil(bound * 1e4) / 1e4, 4);
  }

  /** Mean ± SD, e.g. {@code 0.612 ± 0.140}, with {@code decimals} decimals. */
  static String meanSd(Summary s, int decimals) {
    if (s.n() == 0) {
      return NONE;
    }
    return fixed(s.mean(), decimals) + (Double.isNaN(s.sd()) ? "" : " ± " + fixed(s.sd(), decimals));
  }

  /** The 95 % interval, e.g. {@code 0.571–0.653}, or {@link #NONE}. */
  static String interval(Summary s, int decimals) {
    return Double.isNaN(s.ciLow()) ? NONE : fixed(s.ciLow(), decimals) + "–" + fixed(s.ciHigh(), decimals);
  }
}
