package io.petal.synth.bone;

/**
 * One source of tracer in the body: a shape in projection, the tracer concentration in it
 * (relative units per mm of path), and how deep it lies, which sets its attenuation in each view.
 *
 * @param shape         outline and path length in projection
 * @param concentration relative uptake per mm of path (bone ≈ 1)
 * @param depthFraction its depth below the anterior skin as a fraction of the body thickness there
 * @param thicknessMm   the body's anterior–posterior thickness where it lies (mm)
 * @param site          the skeletal site it is, or null for soft tissue, kidneys, bladder
 */
record UptakeSource(PlanarShape shape, double concentration, double depthFraction, double thicknessMm,
    SkeletalSite site) {

  /** Effective linear attenuation of Tc-99m photons in tissue, scatter included (per mm). */
  static final double ATTENUATION_PER_MM = 0.011;

  /** Fraction of its photons that reach the detector of {@code view}. */
  double transmission(BoneScanView view) {
    double depth = view == BoneScanView.ANTERIOR ? depthFraction * thicknessMm : (1 - depthFraction) * thicknessMm;
    return Math.exp(-ATTENUATION_PER_MM * depth);
  }
}
