package io.petal.synth;

import java.util.SplittableRandom;

/**
 * Paints the solid abdominal organs and the urinary tract: liver (two lobes with portal and
 * hepatic vein trees), spleen, kidneys (perirenal fat, parenchyma, collecting system with
 * urine), ureters and bladder.
 */
final class AbdomenPainter {
  private AbdomenPainter() {}

  /** Starting radius, length and minimum radius of the hepatic vessel trees (mm). */
  private static final double HEPATIC_ROOT_RADIUS = 6;
  private static final double HEPATIC_ROOT_LENGTH = 30;
  private static final double HEPATIC_MIN_RADIUS = 1.5;
  /** Ureter radius (mm). */
  private static final double URETER_RADIUS = 3;

  static void paint(TissueCanvas c, AnatomyParams p, SplittableRandom rng) {
    Shape abdomen = ReferenceBody.TRUNK.offset(-16);
    double ds = p.diaphragmShiftMm();
    double ls = p.liverScale();
    Vec3 liverCentre = new Vec3(-60, 2, 628 + ds).plus(p.liverShift());
    c.paint(new Ellipsoid(liverCentre, new Vec3(82 * ls, 88 * ls, 70 * ls),
        Rotation.aboutThirdAxis(-10)).and(abdomen), Tissue.LIVER);
    c.paint(new Ellipsoid(liverCentre.plus(new Vec3(68, -45, -24)),
        new Vec3(60 * ls, 36 * ls, 34 * ls), Rotation.aboutThirdAxis(15)).and(abdomen),
        Tissue.LIVER);
    paintHepaticVessels(c, rng, liverCentre);

    double ss = p.spleenScale();
    c.paint(new Ellipsoid(new Vec3(92, 50, 612 + ds), new Vec3(30 * ss, 52 * ss, 55 * ss),
        Rotation.aboutThirdAxis(-30)).and(abdomen), Tissue.SPLEEN);

    for (int side : new int[] {-1, 1}) {
      paintKidney(c, p, side, ds);
    }
    double fill = p.bladderFill();
    c.paint(new Ellipsoid(new Vec3(0, -32, 878 - 18 * (fill - 1)),
        new Vec3(46 * fill, 38 * fill, 36 * fill)), Tissue.BLADDER_URINE);
  }

  private static void paintHepaticVessels(TissueCanvas c, SplittableRandom rng, Vec3 liverCentre) {
    boolean[] overLiver = Tissue.maskOf(Tissue.LIVER);
    double minRadius = Math.max(HEPATIC_MIN_RADIUS, 0.45 * c.largestSpacingReferenceMm());
    Vec3 porta = liverCentre.plus(new Vec3(25, 12, 22));
    Vec3 veinRoot = liverCentre.plus(new Vec3(42, 18, -50));
    Vec3[] portal = {new Vec3(-1, -0.2, -0.3), new Vec3(-0.5, 0.4, -0.6), new Vec3(1, -0.6, -0.3)};
    Vec3[] veins = {new Vec3(-1, -0.3, 0.3), new Vec3(-0.3, -0.9, 0.4), new Vec3(0.5, -0.8, 0.3)};
    for (Vec3 d : portal) {
      VesselTree.grow(c, rng, porta, d, HEPATIC_ROOT_RADIUS, HEPATIC_ROOT_LENGTH, minRadius,
          Tissue.HEPATIC_VESSEL, overLiver);
    }
    for (Vec3 d : veins) {
      VesselTree.grow(c, rng, veinRoot, d, HEPATIC_ROOT_RADIUS * 0.9, HEPATIC_ROOT_LENGTH,
          minRadius, Tissue.HEPATIC_VESSEL, overLiver);
    }
  }

  private static void paintKidney(TissueCanvas c, AnatomyParams p, int side, double ds) {
    double ks = p.kidneyScale();
    Vec3 centre = new Vec3(side * 72, 60, (side < 0 ? 705 : 690) + ds * 0.5);
    Rotation axes = Rotation.fromAxes(new Vec3(-side * 0.15, 0.12, 1), new Vec3(1, 0, 0));
    Ellipsoid kidney = new Ellipsoid(centre, new Vec3(55 * ks, 30 * ks, 26 * ks), axes);
    c.paint(kidney.grown(10), Tissue.FAT, Tissue.maskOf(Tissue.FAT, Tissue.MUSCLE));
    c.paint(kidney, Tissue.KIDNEY);
    Vec3 sinus = centre.plus(new Vec3(-side * 10, -4, 0));
    c.paint(new Ellipsoid(sinus, new Vec3(30 * ks, 12 * ks, 10 * ks), axes), Tissue.RENAL_URINE);
    Vec3 pelvis = new Vec3(side * 50, 52, centre.z() + 8);
    c.paint(new Capsule(sinus, pelvis, 7, 5), Tissue.RENAL_URINE);
    Vec3[] ureter = {pelvis, new Vec3(side * 48, 40, 770), new Vec3(side * 50, 30, 830),
        new Vec3(side * 45, 8, 868), new Vec3(side * 20, -22, 880)};
    boolean[] over = Tissue.maskOf(Tissue.FAT, Tissue.MUSCLE);
    for (int s = 1; s < ureter.length; s++) {
      c.paint(new Capsule(ureter[s - 1], ureter[s], URETER_RADIUS), Tissue.URETER_URINE, over);
    }
  }
}
