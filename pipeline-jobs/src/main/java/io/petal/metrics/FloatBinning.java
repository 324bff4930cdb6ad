package io.petal.metrics;

import java.io.Serializable;

/**
 * An order-preserving map from a float score to a bin: the bin keeps the float's sign, its 8
 * exponent bits and its top {@code m} mantissa bits, so bins have the same <em>relative</em>
 * width at every magnitude and any score range works without knowing it in advance.
 *
 * <p>Resolution: a positive normal bin spans {@code [2^e·(1 + j·2^-m), 2^e·(1 + (j+1)·2^-m))},
 * so its width is at most {@code 2^-m} times its lower edge (0.1 % at m = 10); negative bins
 * mirror this, subnormal bins have the fixed width {@code 2^(m-149)}; ±infinity each fall in a
 * bin of their own. {@code -0.0} is binned as {@code +0.0} (they are equal scores). Monotone:
 * {@code s < t} implies {@code bin(s) <= bin(t)}. NaN has no bin.
 *
 * <p>Bins are the integers {@code -2^(8+m) .. 2^(8+m) - 1}; {@code bin >> m} is the sign and
 * exponent part ({@code -256 .. 255}), {@code bin & (2^m - 1)} the mantissa part.
 */
public final class FloatBinning implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default mantissa bits: relative bin width 2^-10 ≈ 0.1 %. */
  public static final int DEFAULT_MANTISSA_BITS = 10;

  private final int mantissaBits;

  /** Bins keeping the top {@code mantissaBits} (0..23) of the 23 mantissa bits. */
  public FloatBinning(int mantissaBits) {
    if (mantissaBits < 0 || mantissaBits > 23) {
      throw new IllegalArgumentException("mantissa bits must be in 0..23, got " + mantissaBits);
    }
    this.mantissaBits = mantissaBits;
  }

  /** Mantissa bits kept (m). */
  public int mantissaBits() {
    return mantissaBits;
  }

  /** Largest width of a normal bin relative to its lower edge's magnitude: 2^-m. */
  public double maxRelativeWidth() {
    return Math.scalb(1.0, -mantissaBits);
  }

  /** Bin of a score; refuses NaN. */
  public int bin(float score) {
    if (Float.isNaN(score)) {
      throw new IllegalArgumentException("NaN has no bin");
    }
    return sortableKey(score) >> (23 - mantissaBits);
  }

  /**
   * The smallest score of a bin: every score {@code s} with {@code bin(s) == b} satisfies
   * {@code s >= lowerEdge(b)}.
   */
  public float lowerEdge(int bin) {
    int key = bin << (23 - mantissaBits);
    float edge = Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
    // the lowest key of the bin holding -infinity decodes to a (negative) NaN pattern
    return Float.isNaN(edge) ? Float.NEGATIVE_INFINITY : edge;
  }

  /**
   * A signed int whose order is the order of the float scores: the raw bits for positive scores,
   * the magnitude bits flipped for negative ones. -0.0 gets the key of +0.0.
   */
  static int sortableKey(float score) {
    int bits = Float.floatToRawIntBits(score == 0f ? 0f : score);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }
}
