package io.petal.synth.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The imperfections of real reports, drawn from one patient's report stream: a lesion left out
 * (probability {@value #OMIT_LESION} each when there are several, {@value #OMIT_ONLY_LESION} for a
 * single one), a size left out ({@value #OMIT_SIZE}), sizes measured with up to
 * ±{@value #SIZE_ERROR} relative error and written in mm or cm, findings listed out of order, and
 * the choice among phrasings.
 */
final class ReportNoise {
  static final double OMIT_LESION = 0.12;
  static final double OMIT_ONLY_LESION = 0.04;
  static final double OMIT_SIZE = 0.35;
  static final double SIZE_ERROR = 0.15;
  /** A report of three or more findings lists them out of order this often. */
  static final double REORDER = 0.3;
  /** Sizes of 20 mm and more are written in cm this often. */
  static final double CENTIMETRES = 0.4;

  private final SplittableRandom rng;
  private final ReportLanguage language;

  ReportNoise(SplittableRandom rng, ReportLanguage language) {
    this.rng = rng;
    this.language = language;
  }

  ReportLanguage language() {
    return language;
  }

  /** The findings a report keeps, in an order a reader might have written them. */
  <T> List<T> kept(List<T> findings) {
    double p = findings.size() > 1 ? OMIT_LESION : OMIT_ONLY_LESION;
    List<T> out = new ArrayList<>();
    for (T f : findings) {
      if (rng.nextDouble() >= p) {
        out.add(f);
      }
    }
    if (out.size() > 2 && rng.nextDouble() < REORDER) {
      java.util.Collections.shuffle(out, new java.util.Random(rng.nextLong()));
    }
    return out;
  }

  /** One of {@code options}, uniformly. */
  String pick(String... options) {
    return options[rng.nextInt(options.length)];
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  /**
   * A measured size as the report writes it ("34 mm", "3.4 cm"; "34mm", "3.4cm" in Chinese), or
   * null when the report leaves it out.
   */
  String size(double trueMm) {
    if (chance(OMIT_SIZE)) {
      return null;
    }
    double mm = trueMm * (1 + SIZE_ERROR * (2 * rng.nextDouble() - 1));
    String gap = language == ReportLanguage.CHINESE ? "" : " ";
    if (mm >= 20 && chance(CENTIMETRES)) {
      return String.format(Locale.ROOT, "%.1f%scm", mm / 10, gap);
    }
    return Math.max(1, Math.round(mm)) + gap + "mm";
  }

  /** Two measured diameters ("34 x 28 mm"), or null when left out. */
  String size2d(double largestMm, double secondMm) {
    if (chance(OMIT_SIZE)) {
      return null;
    }
    double e = 1 + SIZE_ERROR * (2 * rng.nextDouble() - 1);
    long a = Math.max(1, Math.round(largestMm * e));
    long b = Math.max(1, Math.min(a, Math.round(secondMm * e)));
    return language == ReportLanguage.CHINESE ? a + "mm×" + b + "mm" : a + " x " + b + " mm";
  }
}
