package io.petal.synth;

import java.util.SplittableRandom;

/**
 * How one lesion looks: its mean FDG uptake (SUV, before blur and noise), its mean CT density and
 * capsule (HU), and an optional necrotic core; with the texture (standardised, see
 * {@link LesionTexture}) it gives the value pasted at each voxel.
 *
 * @param uptakeSuv mean uptake, at least {@link #MIN_CONTRAST} times the background's
 * @param meanHu mean density (HU)
 * @param capsuleHu density added to the rim band (HU)
 * @param necrosisDepth share of the uptake missing at the centre of a necrotic core (0 = none)
 */
record LesionAppearance(double uptakeSuv, double meanHu, double capsuleHu, double necrosisDepth) {

  /** A lesion's mean uptake is at least this multiple of its background tissue's. */
  static final double MIN_CONTRAST = 1.8;
  /** Relative standard deviation of the uptake texture. */
  static final double PET_TEXTURE_SD = 0.20;
  /** Standard deviation of the density texture (HU). */
  static final double CT_TEXTURE_SD_HU = 12;
  /** Lesions with at least this nominal radius (mm) may have a necrotic core... */
  static final double NECROSIS_MIN_RADIUS_MM = 15;
  /** ...with this probability, */
  static final double NECROSIS_PROBABILITY = 0.4;
  /** ...losing this share of the uptake at the centre, */
  static final Range NECROSIS_DEPTH = new Range(0.5, 0.8);
  /** ...and this much density (HU). The core is Gaussian with sigma r/√2 (e^{-(d/(r/2))²}). */
  static final double NECROSIS_HU = 15;

  /** Draws the appearance of a lesion of nominal radius {@code r} at {@code site}. */
  static LesionAppearance draw(LesionSite site, CtCorrelate correlate, double r, Physiology phys,
      SplittableRandom rng) {
    double meanHu = correlate.meanHu().draw(rng)
        + (correlate.relative() ? phys.hu(site.background()) : 0);
    double uptake = Math.max(site.uptakeSuv().draw(rng),
        MIN_CONTRAST * phys.suv(site.background()));
    boolean necrotic = r >= NECROSIS_MIN_RADIUS_MM && rng.nextDouble() < NECROSIS_PROBABILITY;
    return new LesionAppearance(uptake, meanHu, correlate.capsuleHu(),
        necrotic ? NECROSIS_DEPTH.draw(rng) : 0);
  }

  /** Weight of the necrotic core at relative distance {@code d} (distance / r) from the centre. */
  private double core(double d) {
    return necrosisDepth > 0 ? Math.exp(-(d / 0.5) * (d / 0.5)) : 0;
  }

  /** Uptake (SUV) at a voxel with standardised texture {@code t} and relative distance {@code d}. */
  double suv(double t, double d) {
    return uptakeSuv * Math.max(0.1, 1 + PET_TEXTURE_SD * t) * (1 - necrosisDepth * core(d));
  }

  /** Density (HU) at a voxel, before noise, with texture {@code t} and relative distance {@code d}. */
  double hu(double t, double d) {
    return meanHu + CT_TEXTURE_SD_HU * t - (necrosisDepth > 0 ? NECROSIS_HU * core(d) : 0);
  }
}
