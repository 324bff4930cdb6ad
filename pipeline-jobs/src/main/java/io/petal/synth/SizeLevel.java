package io.petal.synth;

import java.util.SplittableRandom;

/**
 * The five lesion size levels of the synthetic-tumour benchmark, by nominal radius r (mm): the
 * half-axes of a lesion's ellipsoid are then drawn from U(0.75 r, 1.25 r) and deformed.
 * On a coarse grid a radius is raised to the grid's minimum (see
 * {@link LesionSynthesizer#minimumRadiusMm}) so that a tiny lesion still covers a few voxels.
 */
public enum SizeLevel {
  /** r in [3, 5] mm. */
  TINY(3, 5),
  /** r in (5, 10] mm. */
  SMALL(5, 10),
  /** r in (10, 15] mm. */
  MEDIUM(10, 15),
  /** r in (15, 25] mm. */
  LARGE(15, 25),
  /** r in (25, 35] mm. */
  VERY_LARGE(25, 35);

  private final double minRadiusMm;
  private final double maxRadiusMm;

  SizeLevel(double minRadiusMm, double maxRadiusMm) {
    this.minRadiusMm = minRadiusMm;
    this.maxRadiusMm = maxRadiusMm;
  }

  /** Smallest nominal radius of the level (mm). */
  public double minRadiusMm() {
    return minRadiusMm;
  }

  /** Largest nominal radius of the level (mm). */
  public double maxRadiusMm() {
    return maxRadiusMm;
  }

  /** A nominal radius drawn uniformly from the level (mm). */
  double drawRadius(SplittableRandom rng) {
    return minRadiusMm + (maxRadiusMm - minRadiusMm) * rng.nextDouble();
  }
}
