package io.petal.synth.bone;

import java.util.SplittableRandom;

/**
 * One patient's body and physiology for a bone scan: height, width and thickness relative to the
 * reference adult (1750 mm), tracer uptake of the skeleton, soft tissue and kidneys, and how full
 * the bladder is. Drawn per patient: height 0.91–1.08, width 0.88–1.15, thickness within ±10 % of
 * the width, skeleton 0.85–1.15, soft tissue 0.8–1.3, kidneys 0.5–1.5, bladder 0.3–2.0.
 */
record BodyPlan(double heightScale, double widthScale, double thicknessScale, double skeletalUptake,
    double softTissueUptake, double kidneyUptake, double bladderFullness) {

  static BodyPlan draw(SplittableRandom rng) {
    double width = between(rng, 0.88, 1.15);
    return new BodyPlan(between(rng, 0.91, 1.08), width, width * between(rng, 0.9, 1.1), between(rng, 0.85, 1.15),
        between(rng, 0.8, 1.3), between(rng, 0.5, 1.5), between(rng, 0.3, 2.0));
  }

  private static double between(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }
}
