package io.petal.metrics;

/**
 * What Dice and surface Dice are for a patient whose masks are empty. With one mask empty and the
 * other not, the formulas give 0 (nothing overlaps); the policies differ only in which empty
 * cases are <em>undefined</em>: reported as NaN and left out of the cohort mean
 * ({@link Summary} skips NaN), like autoPET and MONAI ({@code ignore_empty}).
 */
public enum EmptyMaskPolicy {
  /**
   * Default (autoPET): undefined whenever the truth is empty; Dice is a metric of lesion-positive
   * patients, and false positives on lesion-free patients are measured by the false-positive
   * volume instead.
   */
  EMPTY_TRUTH_UNDEFINED,
  /** Undefined only when both masks are empty; an empty truth with a prediction scores 0. */
  BOTH_EMPTY_UNDEFINED,
  /** 1 when both masks are empty (a correct "no lesion"); an empty truth with a prediction scores 0. */
  BOTH_EMPTY_ONE;

  /** The policy used unless a caller chooses another: {@link #EMPTY_TRUTH_UNDEFINED}. */
  public static final EmptyMaskPolicy DEFAULT = EMPTY_TRUTH_UNDEFINED;

  /**
   * The metric's value fixed by this policy for masks with these voxel counts: NaN (undefined),
   * 1, or null when the metric's own formula applies.
   */
  Double fixedValue(long truthVoxels, long predictedVoxels) {
    boolean bothEmpty = truthVoxels == 0 && predictedVoxels == 0;
    return switch (this) {
      case EMPTY_TRUTH_UNDEFINED -> truthVoxels == 0 ? Double.NaN : null;
      case BOTH_EMPTY_UNDEFINED -> bothEmpty ? Double.NaN : null;
      case BOTH_EMPTY_ONE -> bothEmpty ? 1.0 : null;
    };
  }
}
