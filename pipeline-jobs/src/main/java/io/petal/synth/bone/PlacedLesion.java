package io.petal.synth.bone;

/**
 * A metastasis as placed, before it is measured: its tracer source and outline.
 *
 * @param source   the extra tracer it adds (an oval on its host bone)
 * @param site     the host's site
 * @param x        centre (mm, + to the patient's left)
 * @param u        centre (mm below the vertex)
 * @param semiA    semi-axis before rotation (mm)
 * @param semiB    the other semi-axis (mm)
 * @param angleDeg rotation in the coronal plane (degrees)
 */
record PlacedLesion(UptakeSource source, SkeletalSite site, double x, double u, double semiA, double semiB,
    double angleDeg) {

  /** True when (px, pu) lies inside its outline. */
  boolean covers(double px, double pu) {
    return source.shape().covers(px, pu);
  }
}
