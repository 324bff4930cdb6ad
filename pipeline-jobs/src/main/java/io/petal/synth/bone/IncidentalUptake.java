package io.petal.synth.bone;

import io.petal.synth.bone.IncidentalFinding.Kind;
import io.petal.synth.bone.SkeletalSite.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benign uptake a bone scan may show and a segmentation must not call a metastasis (it is never
 * labelled): degenerative change at a knee, a shoulder or the lower lumbar facet joints in
 * {@value #DEGENERATIVE_PROBABILITY} of patients (contrast 1.4–1.8 over the joint, 10–14 mm), and a
 * hot dot of tracer left at the injection site (antecubital fossa) in
 * {@value #INJECTION_SITE_PROBABILITY} of patients. Positions are reference-adult coordinates
 * (x mm to the left, u mm below the vertex) scaled by the plan.
 */
final class IncidentalUptake {
  static final double DEGENERATIVE_PROBABILITY = 0.35;
  static final double INJECTION_SITE_PROBABILITY = 0.10;

  /** Its sources and what a report would say. */
  record Drawn(List<UptakeSource> sources, List<IncidentalFinding> findings) {}

  private IncidentalUptake() {}

  static Drawn draw(BodyPlan plan, SplittableRandom rng) {
    List<UptakeSource> sources = new ArrayList<>();
    List<IncidentalFinding> findings = new ArrayList<>();
    boolean degenerative = rng.nextDouble() < DEGENERATIVE_PROBABILITY;
    Kind joint = Kind.values()[rng.nextInt(3)];
    Side side = rng.nextBoolean() ? Side.LEFT : Side.RIGHT;
    double radius = 10 + 4 * rng.nextDouble();
    double contrast = 1.4 + 0.4 * rng.nextDouble();
    boolean injection = rng.nextDouble() < INJECTION_SITE_PROBABILITY;
    Side injectionSide = rng.nextBoolean() ? Side.LEFT : Side.RIGHT;
    if (degenerative) {
      double s = side == Side.LEFT ? 1 : -1;
      double[] at = switch (joint) {
        case DEGENERATIVE_KNEE -> new double[] {s * 95, 1262, 0.5, WholeBody.THIGH_MM};
        case DEGENERATIVE_SHOULDER -> new double[] {s * 165, 322, 0.5, WholeBody.CHEST_MM};
        default -> new double[] {s * 14, 738, 0.75, WholeBody.ABDOMEN_MM};
      };
      sources.add(source(plan, at[0], at[1], radius, (contrast - 1) * plan.skeletalUptake(), at[2], at[3]));
      findings.add(new IncidentalFinding(joint, joint == Kind.DEGENERATIVE_LUMBAR_SPINE ? Side.MIDLINE : side));
    }
    if (injection) {
      double s = injectionSide == Side.LEFT ? 1 : -1;
      sources.add(source(plan, s * 197, 612, 5, 6.0, 0.1, WholeBody.ARM_MM));
      findings.add(new IncidentalFinding(Kind.INJECTION_SITE, injectionSide));
    }
    return new Drawn(sources, findings);
  }

  private static UptakeSource source(BodyPlan plan, double x, double u, double radius, double concentration,
      double depthFraction, double thicknessMm) {
    return new UptakeSource(PlanarShape.oval(x * plan.widthScale(), u * plan.heightScale(), radius, radius, radius, 0),
        concentration, depthFraction, thicknessMm * plan.thicknessScale(), null);
  }
}
