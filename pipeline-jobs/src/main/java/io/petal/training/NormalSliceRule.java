package io.petal.training;

import java.util.Collection;
import java.util.Locale;

/**
 * Which slices count as normal for training the autoencoder (recorded in the model card).
 *
 * <ul>
 *   <li>{@link #NEGATIVE_STUDIES}: every slice of the studies whose diagnosis is NEGATIVE.</li>
 *   <li>{@link #LESION_FREE_SLICES}: every slice of NEGATIVE studies, plus the slices of labelled
 *       abnormal studies with no lesion voxel (first annotation source) within ±margin slices, so
 *       that no 2.5D input window sees a lesion. Unlabelled abnormal studies give nothing.</li>
 *   <li>{@link #AUTO}: {@code NEGATIVE_STUDIES} when the selected studies include a NEGATIVE one,
 *       otherwise {@code LESION_FREE_SLICES}.</li>
 * </ul>
 * In every case slices with less than {@link TrainingData#MIN_BODY_FRACTION} of their pixels in
 * the body (CT above the body threshold) are left out.
 */
public enum NormalSliceRule {
  NEGATIVE_STUDIES,
  LESION_FREE_SLICES,
  AUTO;

  /** Parses {@code negative-studies}, {@code lesion-free-slices} or {@code auto} (any case, - or _). */
  public static NormalSliceRule parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("normal-slice rule '" + s
          + "' is not one of negative-studies, lesion-free-slices, auto", e);
    }
  }

  /** The rule {@link #AUTO} stands for, given whether any selected study is NEGATIVE. */
  public NormalSliceRule resolve(boolean anyNegativeStudy) {
    if (this != AUTO) {
      return this;
    }
    return anyNegativeStudy ? NEGATIVE_STUDIES : LESION_FREE_SLICES;
  }

  /** Resolves {@link #AUTO} over the normal flags of the selected studies (null = unknown). */
  public NormalSliceRule resolve(Collection<Boolean> normalFlags) {
    return resolve(normalFlags.stream().anyMatch(Boolean.TRUE::equals));
  }

  /** The option spelling, e.g. {@code lesion-free-slices}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
