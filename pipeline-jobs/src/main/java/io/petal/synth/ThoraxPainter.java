package io.petal.synth;

import java.util.SplittableRandom;

/**
 * Paints the chest: both lungs (clipped by the thoracic cavity, the mediastinum and the
 * diaphragm domes), the heart (pericardial fat, chambers, left-ventricular myocardium), the
 * trachea and bronchi, and the pulmonary vessel trees.
 */
final class ThoraxPainter {
  private ThoraxPainter() {}

  /** Half-width of the mediastinum between the lungs (mm). */
  private static final double MEDIASTINUM_HALF_WIDTH = 20;
  /** Height (w) of the right and left diaphragm domes (mm), before the patient's shift. */
  private static final double RIGHT_DOME_W = 556;
  private static final double LEFT_DOME_W = 570;
  /** Left-ventricular wall thickness (mm), raised on coarse grids. */
  private static final double MYOCARDIUM_MM = 10;
  /** Starting radius, length and minimum radius of the pulmonary vessel trees (mm). */
  private static final double PULMONARY_ROOT_RADIUS = 5.5;
  private static final double PULMONARY_ROOT_LENGTH = 34;
  private static final double PULMONARY_MIN_RADIUS = 1.2;

  static void paint(TissueCanvas c, AnatomyParams p, SplittableRandom rng) {
    Shape cavity = ReferenceBody.RIB_CAGE.offset(-9).between(318, 620);
    double shift = p.diaphragmShiftMm();
    for (int side : new int[] {-1, 1}) {
      double dome = (side < 0 ? RIGHT_DOME_W : LEFT_DOME_W) + shift;
      Ellipsoid lung = new Ellipsoid(new Vec3(side * 75, 14, 482), new Vec3(72, 94, 155));
      c.paint(lung.and(cavity).where((u, v, w) -> side * u > MEDIASTINUM_HALF_WIDTH
          && w < dome + 0.0045 * (Math.abs(u) - 70) * (Math.abs(u) - 70) + 0.35 * Math.max(0, v)),
          Tissue.LUNG);
    }
    paintHeart(c, p, cavity);
    paintAirways(c);
    boolean[] overLung = Tissue.maskOf(Tissue.LUNG);
    double minRadius = Math.max(PULMONARY_MIN_RADIUS, 0.45 * c.largestSpacingReferenceMm());
    Vec3[] directions = {
      new Vec3(0.3, 0, -1), new Vec3(1, 0.1, -0.3), new Vec3(1, 0, 0.4), new Vec3(0.4, 0.3, 1),
      new Vec3(0.3, 0.9, 0.5), new Vec3(0.5, -0.9, 0.2), new Vec3(0.6, 0.6, -0.5)};
    for (int side : new int[] {-1, 1}) {
      Vec3 hilum = new Vec3(side * 40, 4, 466);
      for (Vec3 d : directions) {
        VesselTree.grow(c, rng, hilum, new Vec3(side * d.x(), d.y(), d.z()),
            PULMONARY_ROOT_RADIUS, PULMONARY_ROOT_LENGTH, minRadius, Tissue.PULMONARY_VESSEL,
            overLung);
      }
    }
  }

  private static void paintHeart(TissueCanvas c, AnatomyParams p, Shape cavity) {
    double s = p.heartScale();
    Rotation axes = Rotation.fromAxes(new Vec3(0.55, -0.45, 0.70), new Vec3(0, 1, 0));
    Vec3 centre = new Vec3(20, -28, 505).plus(p.heartShift());
    Ellipsoid heart = new Ellipsoid(centre, new Vec3(66 * s, 52 * s, 50 * s), axes);
    c.paint(heart.grown(5).and(cavity), Tissue.FAT);
    c.paint(heart.and(cavity), Tissue.BLOOD);
    Vec3 lvCentre = centre.plus(new Vec3(12, 10, 4));
    Ellipsoid lv = new Ellipsoid(lvCentre, new Vec3(46 * s, 30 * s, 28 * s), axes);
    c.paint(lv.and(cavity), Tissue.MYOCARDIUM);
    double wall = Math.max(MYOCARDIUM_MM, 1.1 * c.largestSpacingReferenceMm());
    Ellipsoid lumen = lv.inset(wall);
    if (lumen != null) {
      c.paint(lumen, Tissue.BLOOD);
    }
  }

  private static void paintAirways(TissueCanvas c) {
    boolean[] soft = Tissue.maskOf(Tissue.MUSCLE, Tissue.FAT, Tissue.LUNG);
    Vec3 carina = new Vec3(0, -4, 440);
    c.paint(new Capsule(new Vec3(0, -14, 232), carina, 9), Tissue.AIRWAY, soft);
    for (int side : new int[] {-1, 1}) {
      Vec3 hilum = new Vec3(side * 42, 2, 468);
      c.paint(new Capsule(carina, hilum, 6.5, 5.5), Tissue.AIRWAY, soft);
      c.paint(new Capsule(hilum, new Vec3(side * 62, 8, 430), 4.5, 3.5), Tissue.AIRWAY, soft);
      c.paint(new Capsule(hilum, new Vec3(side * 58, 16, 522), 4.5, 3.5), Tissue.AIRWAY, soft);
    }
  }
}
