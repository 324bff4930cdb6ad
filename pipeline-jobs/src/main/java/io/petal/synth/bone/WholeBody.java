package io.petal.synth.bone;

import io.petal.synth.bone.SkeletalSite.Part;
import io.petal.synth.bone.SkeletalSite.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracer sources of a whole-body bone scan for one {@link BodyPlan}: the skeleton (skull and
 * face, 24 vertebrae, sacrum, 12 rib pairs in posterior, lateral and anterior segments, sternum,
 * clavicles, scapulae, arms, pelvis, legs, with brighter joints), the soft tissue of the body's
 * outline, the kidneys and the bladder.
 *
 * <p>Reference coordinates are those of a 1750 mm adult: x mm to the patient's left, u mm below
 * the vertex, radii and semi-axes in mm; the plan scales x-extents by its width, u by its height
 * and depths by its thickness. Tracer concentration is relative, vertebral bone = 1; a source's
 * depth is a fraction of the body thickness where it lies (0 = anterior skin), e.g. vertebral
 * bodies 0.65, sternum 0.05, scapulae 0.88, kidneys 0.72.
 */
final class WholeBody {
  // Body thickness (anterior-posterior, mm) of the reference adult by region.
  static final double HEAD_MM = 190;
  static final double NECK_MM = 120;
  static final double CHEST_MM = 220;
  static final double ABDOMEN_MM = 230;
  static final double ARM_MM = 90;
  static final double FOREARM_MM = 70;
  static final double THIGH_MM = 150;
  static final double LEG_MM = 110;
  /** Relative tracer concentration of soft tissue (per mm of path, bone = 1). */
  static final double SOFT_TISSUE_UPTAKE = 0.025;
  static final double KIDNEY_UPTAKE = 0.18;
  static final double BLADDER_UPTAKE = 1.6;

  // Vertebral column: first body's top (mm below the vertex), body heights and gaps (mm).
  static final double C1_TOP_MM = 195;
  static final double[] VERTEBRA_HEIGHT_MM = {14, 19, 28};
  static final double[] DISC_MM = {3, 4, 6};
  static final double[] VERTEBRA_WIDTH_MM = {26, 34, 48};
  static final int[] VERTEBRA_COUNT = {7, 12, 5};
  static final Bone[] VERTEBRA_BONE = {Bone.CERVICAL_VERTEBRA, Bone.THORACIC_VERTEBRA, Bone.LUMBAR_VERTEBRA};
  /** Lateral reach of ribs 1–12 (mm from the midline). */
  static final double[] RIB_REACH_MM = {60, 85, 105, 118, 127, 133, 136, 137, 135, 130, 115, 95};
  static final double RIB_RADIUS_MM = 5;

  private final BodyPlan plan;
  private final List<UptakeSource> sources = new ArrayList<>();
  /** u (mm below the vertex, reference) of each thoracic vertebra's centre, T1 first. */
  private final double[] thoracicCentres = new double[12];

  private WholeBody(BodyPlan plan) {
    this.plan = plan;
  }

  /** Every tracer source of the body of {@code plan}. */
  static List<UptakeSource> of(BodyPlan plan) {
    WholeBody b = new WholeBody(plan);
    b.softTissue();
    b.skullAndFace();
    b.spine();
    b.ribs();
    b.shoulderGirdleAndArms();
    b.pelvis();
    b.legs();
    b.organs();
    return List.copyOf(b.sources);
  }

  private void softTissue() {
    double s = SOFT_TISSUE_UPTAKE * plan.softTissueUptake();
    tissue(oval(0, 110, 78, 110, HEAD_MM / 2, 0), s, 0.5, HEAD_MM);
    tissue(capsule(0, 200, 0, 300, 55), s, 0.5, NECK_MM);
    tissue(oval(0, 590, 165, 330, ABDOMEN_MM / 2, 0), s, 0.5, ABDOMEN_MM);
    for (int side = -1; side <= 1; side += 2) {
      tissue(capsule(side * 190, 330, side * 205, 600, 45), s, 0.5, ARM_MM);
      tissue(capsule(side * 205, 600, side * 215, 900, 36), s, 0.5, FOREARM_MM);
      tissue(capsule(side * 90, 850, side * 95, 1250, 72), s, 0.5, THIGH_MM);
      tissue(capsule(side * 93, 1250, side * 88, 1700, 52), s, 0.5, LEG_MM);
    }
  }

  private void skullAndFace() {
    bone(shell(0, 105, 72, 100, 90, 0.86), 0.35, 0.5, HEAD_MM, SkeletalSite.whole(Bone.SKULL, Side.MIDLINE));
    bone(oval(0, 200, 48, 25, 20, 0), 0.4, 0.3, HEAD_MM, SkeletalSite.whole(Bone.SKULL, Side.MIDLINE));
    bone(oval(0, 165, 30, 20, 15, 0), 0.45, 0.2, HEAD_MM, SkeletalSite.whole(Bone.SKULL, Side.MIDLINE));
  }

  private void spine() {
    double top = C1_TOP_MM;
    for (int region = 0; region < 3; region++) {
      double h = VERTEBRA_HEIGHT_MM[region];
      double w = VERTEBRA_WIDTH_MM[region];
      double thickness = region == 0 ? NECK_MM : region == 1 ? CHEST_MM : ABDOMEN_MM;
      for (int n = 1; n <= VERTEBRA_COUNT[region]; n++) {
        double centre = top + h / 2;
        if (region == 1) {
          thoracicCentres[n - 1] = centre;
        }
        bone(oval(0, centre, w / 2, h / 2, 0.4 * w, 0), 1.0, 0.65, thickness,
            new SkeletalSite(VERTEBRA_BONE[region], Side.MIDLINE, n, Part.WHOLE));
        top += h + DISC_MM[region];
      }
    }
    bone(oval(0, top + 50, 48, 55, 18, 0), 1.0, 0.7, ABDOMEN_MM, SkeletalSite.whole(Bone.SACRUM, Side.MIDLINE));
  }

  /** Each rib: a posterior segment from the spine, a lateral one, and an anterior one towards the sternum. */
  private void ribs() {
    for (int k = 0; k < 12; k++) {
      double u = thoracicCentres[k];
      double reach = RIB_REACH_MM[k];
      boolean floating = k >= 10;
      double anteriorEnd = k < 7 ? 30 : floating ? 0.85 * reach : 60 + 8 * (k - 7);
      double drop = floating ? 60 : 45 + 7 * k;
      for (Side side : new Side[] {Side.RIGHT, Side.LEFT}) {
        double s = side == Side.LEFT ? 1 : -1;
        int number = k + 1;
        bone(capsule(s * 20, u, s * 0.8 * reach, u + 8, RIB_RADIUS_MM), 0.9, 0.85, CHEST_MM,
            new SkeletalSite(Bone.RIB, side, number, Part.POSTERIOR));
        bone(capsule(s * 0.8 * reach, u + 8, s * reach, u + 30, RIB_RADIUS_MM), 0.9, 0.5, CHEST_MM,
            new SkeletalSite(Bone.RIB, side, number, Part.LATERAL));
        bone(capsule(s * reach, u + 30, s * anteriorEnd, u + drop, RIB_RADIUS_MM), 0.9, floating ? 0.4 : 0.12,
            CHEST_MM, new SkeletalSite(Bone.RIB, side, number, Part.ANTERIOR));
      }
    }
    bone(oval(0, 345, 22, 20, 8, 0), 1.0, 0.05, CHEST_MM, SkeletalSite.whole(Bone.STERNUM, Side.MIDLINE));
    bone(oval(0, 425, 14, 58, 6, 0), 1.0, 0.05, CHEST_MM, SkeletalSite.whole(Bone.STERNUM, Side.MIDLINE));
  }

  private void shoulderGirdleAndArms() {
    for (Side side : new Side[] {Side.RIGHT, Side.LEFT}) {
      double s = side == Side.LEFT ? 1 : -1;
      bone(capsule(s * 22, 322, s * 150, 305, 7), 0.8, 0.1, CHEST_MM, SkeletalSite.whole(Bone.CLAVICLE, side));
      bone(oval(s * 105, 390, 42, 70, 4, s * 10), 0.7, 0.88, CHEST_MM, SkeletalSite.whole(Bone.SCAPULA, side));
      bone(oval(s * 160, 318, 14, 12, 10, 0), 1.0, 0.6, CHEST_MM, SkeletalSite.whole(Bone.SCAPULA, side));
      bone(oval(s * 172, 335, 22, 24, 22, 0), 0.7, 0.5, ARM_MM, new SkeletalSite(Bone.HUMERUS, side, 0, Part.PROXIMAL));
      bone(capsule(s * 180, 360, s * 195, 600, 11), 0.5, 0.5, ARM_MM, new SkeletalSite(Bone.HUMERUS, side, 0, Part.SHAFT));
      bone(oval(s * 197, 610, 22, 16, 18, 0), 0.6, 0.5, ARM_MM, null);
      bone(capsule(s * 200, 625, s * 212, 860, 10), 0.5, 0.5, FOREARM_MM, null);
      bone(oval(s * 215, 900, 22, 35, 12, 0), 0.6, 0.5, FOREARM_MM, null);
    }
  }

  private void pelvis() {
    for (Side side : new Side[] {Side.RIGHT, Side.LEFT}) {
      double s = side == Side.LEFT ? 1 : -1;
      bone(oval(s * 88, 745, 58, 55, 6, s * 20), 1.0, 0.5, ABDOMEN_MM, SkeletalSite.whole(Bone.ILIUM, side));
      bone(capsule(s * 30, 760, s * 45, 815, 9), 1.3, 0.75, ABDOMEN_MM, SkeletalSite.whole(Bone.ILIUM, side));
      bone(oval(s * 95, 850, 26, 26, 24, 0), 0.8, 0.5, ABDOMEN_MM, SkeletalSite.whole(Bone.ACETABULUM, side));
      bone(capsule(s * 12, 880, s * 75, 862, 8), 0.9, 0.15, ABDOMEN_MM, SkeletalSite.whole(Bone.PUBIS, side));
      bone(oval(s * 60, 900, 22, 18, 12, 0), 0.9, 0.6, ABDOMEN_MM, SkeletalSite.whole(Bone.ISCHIUM, side));
    }
  }

  private void legs() {
    for (Side side : new Side[] {Side.RIGHT, Side.LEFT}) {
      double s = side == Side.LEFT ? 1 : -1;
      SkeletalSite proximal = new SkeletalSite(Bone.FEMUR, side, 0, Part.PROXIMAL);
      bone(capsule(s * 95, 850, s * 125, 880, 14), 0.8, 0.5, THIGH_MM, proximal);
      bone(oval(s * 135, 875, 18, 20, 18, 0), 0.9, 0.5, THIGH_MM, proximal);
      bone(capsule(s * 125, 890, s * 95, 1240, 14), 0.55, 0.5, THIGH_MM, new SkeletalSite(Bone.FEMUR, side, 0,
          Part.SHAFT));
      bone(oval(s * 95, 1260, 38, 25, 30, 0), 0.7, 0.5, THIGH_MM, null);
      bone(oval(s * 95, 1245, 20, 22, 10, 0), 0.8, 0.05, THIGH_MM, null);
      bone(oval(s * 92, 1295, 36, 18, 28, 0), 0.7, 0.4, LEG_MM, null);
      bone(capsule(s * 90, 1310, s * 85, 1650, 12), 0.55, 0.3, LEG_MM, null);
      bone(capsule(s * 118, 1320, s * 112, 1640, 6), 0.5, 0.5, LEG_MM, null);
      bone(oval(s * 85, 1675, 28, 20, 25, 0), 0.7, 0.5, LEG_MM, null);
      bone(oval(s * 90, 1720, 32, 28, 20, 0), 0.6, 0.5, LEG_MM, null);
    }
  }

  private void organs() {
    for (int side = -1; side <= 1; side += 2) {
      tissue(oval(side * 58, 600, 28, 52, 25, side * -12), KIDNEY_UPTAKE * plan.kidneyUptake(), 0.72, ABDOMEN_MM);
    }
    double f = Math.cbrt(plan.bladderFullness());
    tissue(oval(0, 862, 42 * f, 36 * f, 40 * f, 0), BLADDER_UPTAKE, 0.3, ABDOMEN_MM);
  }

  /** Adds bone (site null for bone no metastasis is placed in), its uptake scaled by the plan's skeletal uptake. */
  private void bone(PlanarShape shape, double concentration, double depthFraction, double thicknessMm,
      SkeletalSite site) {
    sources.add(new UptakeSource(shape, concentration * plan.skeletalUptake(), depthFraction,
        thicknessMm * plan.thicknessScale(), site));
  }

  /** Adds soft tissue or an organ. */
  private void tissue(PlanarShape shape, double concentration, double depthFraction, double thicknessMm) {
    sources.add(new UptakeSource(shape, concentration, depthFraction, thicknessMm * plan.thicknessScale(), null));
  }

  private PlanarShape capsule(double x0, double u0, double x1, double u1, double r) {
    return PlanarShape.capsule(x0 * plan.widthScale(), u0 * plan.heightScale(), x1 * plan.widthScale(),
        u1 * plan.heightScale(), r * plan.widthScale());
  }

  private PlanarShape oval(double x, double u, double a, double b, double depth, double angleDeg) {
    return PlanarShape.oval(x * plan.widthScale(), u * plan.heightScale(), a * plan.widthScale(),
        b * plan.heightScale(), depth * plan.thicknessScale(), angleDeg);
  }

  private PlanarShape shell(double x, double u, double a, double b, double depth, double inner) {
    return PlanarShape.shell(x * plan.widthScale(), u * plan.heightScale(), a * plan.widthScale(),
        b * plan.heightScale(), depth * plan.thicknessScale(), inner);
  }
}
