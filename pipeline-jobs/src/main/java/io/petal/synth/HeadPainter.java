package io.petal.synth;

/**
 * Paints the skull, the brain (cortex and deep grey matter, white matter, ventricles,
 * cerebellum, brainstem), the mandible and the pharynx.
 */
final class HeadPainter {
  private HeadPainter() {}

  /** Nominal skull thickness (mm); raised on coarse grids so the shell has no holes. */
  private static final double SKULL_MM = 6;

  static void paint(TissueCanvas c) {
    double skull = Math.max(SKULL_MM, 1.2 * c.largestSpacingReferenceMm());
    Ellipsoid skullOuter = new Ellipsoid(new Vec3(0, 8, 95), new Vec3(68, 86, 86));
    Ellipsoid skullInner = skullOuter.inset(skull);
    c.paint(skullOuter, Tissue.BONE_CORTEX);
    c.paint(skullInner, Tissue.CSF);
    boolean[] inBrain = Tissue.maskOf(Tissue.CSF, Tissue.BRAIN_GREY, Tissue.BRAIN_WHITE);
    c.paint(skullInner.inset(2), Tissue.BRAIN_GREY, inBrain);
    c.paint(new Ellipsoid(new Vec3(0, 10, 100), new Vec3(44, 60, 50)), Tissue.BRAIN_WHITE, inBrain);
    for (int side : new int[] {-1, 1}) {
      c.paint(new Ellipsoid(new Vec3(side * 20, 2, 108), new Vec3(10, 14, 12)),
          Tissue.BRAIN_GREY, inBrain);
      c.paint(new Ellipsoid(new Vec3(side * 9, 14, 112), new Vec3(9, 11, 10)),
          Tissue.BRAIN_GREY, inBrain);
      c.paint(new Ellipsoid(new Vec3(side * 8, 6, 96), new Vec3(6, 24, 12)), Tissue.CSF, inBrain);
    }
    c.paint(new Ellipsoid(new Vec3(0, 46, 152), new Vec3(44, 28, 22)), Tissue.BRAIN_GREY, inBrain);
    c.paint(new Capsule(new Vec3(0, 20, 128), new Vec3(0, 26, 178), 11), Tissue.BRAIN_WHITE,
        inBrain);
    for (int side : new int[] {-1, 1}) {
      Vec3 ramus = new Vec3(side * 48, 5, 182);
      Vec3 angle = new Vec3(side * 46, -32, 212);
      c.paint(new Capsule(ramus, angle, 6), Tissue.BONE_CORTEX);
      c.paint(new Capsule(angle, new Vec3(0, -66, 222), 6), Tissue.BONE_CORTEX);
    }
    c.paint(new Capsule(new Vec3(0, 0, 196), new Vec3(0, -14, 234), 7), Tissue.AIRWAY,
        Tissue.maskOf(Tissue.MUSCLE, Tissue.FAT));
  }
}
