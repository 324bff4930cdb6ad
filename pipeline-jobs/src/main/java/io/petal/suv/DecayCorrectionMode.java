package io.petal.suv;

import java.util.Locale;

/** The reference time of the image's decay correction (DecayCorrection, 0054,1102). */
public enum DecayCorrectionMode {
  /** Corrected to the scan start (the series reference time): decay the dose to that time. */
  START,
  /** Corrected to the administration (injection) time: no decay term. */
  ADMIN,
  /** Not decay corrected: decay the dose to each frame (see {@link DoseDecay}). */
  NONE;

  /**
   * The mode named by a DecayCorrection value.
   *
   * @throws SuvException when the value is absent or not START, ADMIN, NONE
   */
  public static DecayCorrectionMode of(String decayCorrection) {
    if (decayCorrection == null || decayCorrection.isBlank()) {
      throw new SuvException(
          "DecayCorrection",
          "DecayCorrection is missing: the decay reference time (START, ADMIN, NONE) is unknown");
    }
    try {
      return valueOf(decayCorrection.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SuvException(
          "DecayCorrection",
          "DecayCorrection '" + decayCorrection.trim() + "' is not supported (START, ADMIN, NONE)");
    }
  }
}
