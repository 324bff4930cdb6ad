package io.petal.synth;

/**
 * Paints the body outline: subcutaneous fat around the muscle outline of head, neck, trunk and
 * thighs, the fat-filled thoracic and abdominopelvic cavities inside, and the psoas muscles.
 */
final class BodyPainter {
  private BodyPainter() {}

  /** Scalp fat as a fraction of the trunk's subcutaneous fat. */
  private static final double SCALP_FAT_FRACTION = 0.15;
  /** Thigh fat as a fraction of the trunk's subcutaneous fat. */
  private static final double THIGH_FAT_FRACTION = 0.8;
  /** Thickness of the chest wall inside the rib centre line (mm). */
  private static final double CHEST_WALL_MM = 9;
  /** Thickness of the abdominal wall (mm). */
  private static final double ABDOMINAL_WALL_MM = 16;
  /** The abdominopelvic cavity lies in front of this posterior limit (paraspinal muscles behind). */
  private static final double CAVITY_POSTERIOR_LIMIT_V = 62;

  static void paint(TissueCanvas c, AnatomyParams p) {
    double fat = p.fatMm();
    Ellipsoid head = ReferenceBody.HEAD;
    Ellipsoid jaw = new Ellipsoid(new Vec3(0, -26, 196), new Vec3(50, 48, 40));
    c.paint(head.grown(2 + fat * SCALP_FAT_FRACTION), Tissue.FAT);
    c.paint(jaw.grown(fat * 0.4), Tissue.FAT);
    c.paint(ReferenceBody.TRUNK.offset(fat), Tissue.FAT);
    for (int side : new int[] {-1, 1}) {
      c.paint(ReferenceBody.thigh(side).offset(fat * THIGH_FAT_FRACTION), Tissue.FAT);
    }
    c.paint(head, Tissue.MUSCLE);
    c.paint(jaw, Tissue.MUSCLE);
    c.paint(ReferenceBody.TRUNK, Tissue.MUSCLE);
    for (int side : new int[] {-1, 1}) {
      c.paint(ReferenceBody.thigh(side), Tissue.MUSCLE);
    }
    c.paint(ReferenceBody.RIB_CAGE.offset(-CHEST_WALL_MM).between(318, 620), Tissue.FAT);
    c.paint(ReferenceBody.TRUNK.offset(-ABDOMINAL_WALL_MM).between(560, 925)
        .where((u, v, w) -> v < CAVITY_POSTERIOR_LIMIT_V), Tissue.FAT);
    boolean[] overFat = Tissue.maskOf(Tissue.FAT);
    for (int side : new int[] {-1, 1}) {
      Vec3 a = new Vec3(side * 28, 45, 640);
      Vec3 b = new Vec3(side * 50, 28, 790);
      Vec3 d = new Vec3(side * 62, 15, 870);
      c.paint(new Capsule(a, b, 12, 18), Tissue.MUSCLE, overFat);
      c.paint(new Capsule(b, d, 18, 16), Tissue.MUSCLE, overFat);
    }
  }
}
