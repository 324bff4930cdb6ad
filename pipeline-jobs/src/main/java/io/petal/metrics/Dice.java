package io.petal.metrics;

/**
 * Dice similarity coefficient of a patient's masks, {@code 2·|T ∩ P| / (|T| + |P|)} over voxels
 * (unitless, 0..1); empty masks follow an {@link EmptyMaskPolicy}.
 */
public final class Dice {
  private Dice() {}

  /** Dice under {@link EmptyMaskPolicy#DEFAULT} (NaN when the truth is empty). */
  public static double of(MaskPair masks) {
    return of(masks, EmptyMaskPolicy.DEFAULT);
  }

  /** Dice, NaN where {@code policy} leaves it undefined. */
  public static double of(MaskPair masks, EmptyMaskPolicy policy) {
    boolean[] t = masks.truth();
    boolean[] p = masks.predicted();
    long truth = 0;
    long predicted = 0;
    long both = 0;
    for (int v = 0; v < t.length; v++) {
      truth += t[v] ? 1 : 0;
      predicted += p[v] ? 1 : 0;
      both += t[v] && p[v] ? 1 : 0;
    }
    Double fixed = policy.fixedValue(truth, predicted);
    return fixed != null ? fixed : 2.0 * both / (truth + predicted);
  }
}
