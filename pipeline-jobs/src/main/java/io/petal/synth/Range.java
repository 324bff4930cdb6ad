package io.petal.synth;

import java.util.SplittableRandom;

/**
 * A closed interval {@code [lo, hi]} of a physical quantity (the unit is the user's: SUV, HU,
 * mm, a scale factor), from which per-patient values are drawn uniformly.
 */
public record Range(double lo, double hi) {

  public Range {
    if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("bad range [" + lo + ", " + hi + "]");
    }
  }

  /** A uniform draw from the interval. */
  public double draw(SplittableRandom rng) {
    return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
  }

  /** True when {@code v} lies in the interval. */
  public boolean contains(double v) {
    return v >= lo && v <= hi;
  }

  /** The interval widened by {@code fraction} of its bounds on both sides (lo·(1−f), hi·(1+f)). */
  public Range widenedBy(double fraction) {
    return new Range(lo - Math.abs(lo) * fraction, hi + Math.abs(hi) * fraction);
  }

  /** The interval widened by an absolute {@code margin} on both sides. */
  public Range widenedByMargin(double margin) {
    return new Range(lo - margin, hi + margin);
  }

  @Override
  public String toString() {
    return "[" + lo + ", " + hi + "]";
  }
}
