package io.petal.lesions;

/**
 * The craniocaudal extent of the lungs in a study: patient z (LPS+, mm, growing towards the head)
 * of the highest (apex) and lowest (base) lung voxel centres.
 */
public record LungExtent(double apexZMm, double baseZMm) {

  public LungExtent {
    if (!(apexZMm > baseZMm)) {
      throw new IllegalArgumentException("lung apex z " + apexZMm + " mm must lie above the base z " + baseZMm + " mm");
    }
  }

  /** Apex to base, mm. */
  public double heightMm() {
    return apexZMm - baseZMm;
  }
}
