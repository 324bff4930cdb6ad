package io.petal.segmentation;

/** Patient-level hold-out: a patient is held out when a seeded hash of its pseudonymous key falls below the fraction. */
final class ValidationPatients {
  private ValidationPatients() {}

  static boolean isHeldOut(String patientKey, double fraction, long seed) {
    if (fraction <= 0) {
      return false;
    }
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < patientKey.length(); i++) {
      h = (h ^ patientKey.charAt(i)) * 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 < fraction;
  }
}
