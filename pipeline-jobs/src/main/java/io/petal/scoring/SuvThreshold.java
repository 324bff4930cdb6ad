package io.petal.scoring;

import io.petal.tables.StudyImages;
import java.io.Serializable;
import java.util.Locale;

/**
 * The SUV above which PET voxels are hidden from the autoencoder at inference, so that a hot
 * lesion cannot reconstruct itself: a fixed SUV, or a multiple of the study's liver SUVmean
 * ({@link LiverReference}).
 *
 * @param fixedSuv the fixed threshold (SUV), used when {@code liverMultiple} is not positive
 * @param liverMultiple K in K × liver SUVmean, or 0 for a fixed threshold
 */
public record SuvThreshold(double fixedSuv, double liverMultiple) implements Serializable {
  /** The default of the method: SUV 2.5. */
  public static final SuvThreshold DEFAULT = fixed(2.5);

  public SuvThreshold {
    if (!(fixedSuv > 0) && !(liverMultiple > 0)) {
      throw new IllegalArgumentException("an SUV threshold must be positive (got SUV " + fixedSuv + ", liver multiple "
          + liverMultiple + ")");
    }
  }

  public static SuvThreshold fixed(double suv) {
    return new SuvThreshold(suv, 0);
  }

  public static SuvThreshold liverRelative(double k) {
    return new SuvThreshold(0, k);
  }

  /** The threshold for this study, SUV. */
  public double forStudy(StudyImages study) {
    if (liverMultiple > 0) {
      return liverMultiple * LiverReference.meanSuv(study);
    }
    return fixedSuv;
  }

  @Override
  public String toString() {
    return liverMultiple > 0 ? String.format(Locale.ROOT, "%.2f x liver SUVmean", liverMultiple)
        : String.format(Locale.ROOT, "SUV %.2f", fixedSuv);
  }
}
