package io.petal.synth.report;

import java.util.SplittableRandom;

/**
 * The language of a synthetic report. A cohort writes a fixed fraction of its reports in Chinese:
 * patient i's report is Chinese when ⌊(i + 1)·f + o⌋ > ⌊i·f + o⌋, with o ∈ [0, 1) drawn from the
 * cohort seed, so any run of n consecutive patients has ⌊n·f⌋ or ⌈n·f⌉ Chinese reports and the
 * choice never depends on Spark's task order.
 */
public enum ReportLanguage {
  ENGLISH, CHINESE;

  /** The share of Chinese reports in a synthetic cohort. */
  public static final double CHINESE_FRACTION = 0.25;
  /** Decorrelates the language offset from other uses of the cohort seed. */
  private static final long OFFSET_SALT = 0x5EED_1A46_0A6EL;

  /** The language of patient {@code patientIndex}'s report in the cohort of {@code cohortSeed}. */
  public static ReportLanguage forPatient(long cohortSeed, int patientIndex, double chineseFraction) {
    if (!(chineseFraction >= 0 && chineseFraction <= 1)) {
      throw new IllegalArgumentException("Chinese fraction must be in [0, 1], got " + chineseFraction);
    }
    double offset = new SplittableRandom(cohortSeed ^ OFFSET_SALT).nextDouble();
    double before = Math.floor(patientIndex * chineseFraction + offset);
    double after = Math.floor((patientIndex + 1) * chineseFraction + offset);
    return after > before ? CHINESE : ENGLISH;
  }
}
