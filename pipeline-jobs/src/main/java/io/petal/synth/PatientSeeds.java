package io.petal.synth;

import java.util.SplittableRandom;

/**
 * Derives a patient's random streams from (cohort seed, patient index) alone, so a patient is the
 * same whichever task or order generates it. Each stage has its own stream, so a normal and an
 * abnormal version of one patient share anatomy, physiology and noise: they differ only where
 * lesions were inserted. The generators of other study kinds derive their streams the same way,
 * each with its own stage enum ({@link #stream(long, Enum)}).
 */
public final class PatientSeeds {
  private PatientSeeds() {}

  /**
   * The stages of a patient's generation, each with its own independent random stream (new stages
   * go last, so existing streams, and the bytes of existing cohorts, never change).
   */
  enum Stage { ANATOMY, PHYSIOLOGY, TEXTURE, CT_NOISE, LESIONS, PET_NOISE, ANNOTATORS }

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** The patient's seed: a 64-bit mix of the cohort seed and the index. */
  public static long patientSeed(long cohortSeed, int patientIndex) {
    return mix64(mix64(cohortSeed) ^ mix64((patientIndex + 1L) * GOLDEN));
  }

  /** A fresh generator for one stage of one patient. */
  static SplittableRandom stream(long patientSeed, Stage stage) {
    return stream(patientSeed, (Enum<?>) stage);
  }

  /**
   * A fresh generator for one stage of one patient, the stage being any enum constant of a
   * generator's own stage list (streams depend on the constant's ordinal).
   */
  public static SplittableRandom stream(long patientSeed, Enum<?> stage) {
    return new SplittableRandom(mix64(patientSeed + (stage.ordinal() + 1L) * GOLDEN));
  }

  /** A fresh generator for one further annotator of one patient, independent of the other annotators'. */
  static SplittableRandom annotatorStream(long patientSeed, int annotator) {
    return new SplittableRandom(mix64(mix64(patientSeed + (Stage.ANNOTATORS.ordinal() + 1L) * GOLDEN)
        + annotator * GOLDEN));
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood, 2014). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
