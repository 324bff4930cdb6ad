package io.petal.synth;

import java.util.SplittableRandom;

/**
 * Paints activated brown fat (in the patients that have it): clusters of small blobs in the
 * supraclavicular, cervical and paravertebral fat, over fat and muscle.
 */
final class BrownFatPainter {
  private BrownFatPainter() {}

  /**
   * The regions (reference frame, mm) that hold brown fat, per side: centre (u for the left
   * side), half-axes, and whether blobs may displace lung (the paravertebral gutter).
   */
  private record Region(Vec3 centre, Vec3 semi, boolean overLung) {}

  private static final Region[] REGIONS = {
    new Region(new Vec3(68, 18, 322), new Vec3(40, 30, 24), false),
    new Region(new Vec3(40, 20, 272), new Vec3(14, 20, 36), false),
    new Region(new Vec3(36, 88, 470), new Vec3(10, 10, 90), true)};
  /** Blob radius (mm) and blob count per region. */
  private static final Range BLOB_RADIUS_MM = new Range(4, 9);
  private static final int MIN_BLOBS = 6;
  private static final int MAX_BLOBS = 14;

  static void paint(TissueCanvas c, SplittableRandom rng) {
    boolean[] soft = Tissue.maskOf(Tissue.FAT, Tissue.MUSCLE);
    boolean[] softOrLung = Tissue.maskOf(Tissue.FAT, Tissue.MUSCLE, Tissue.LUNG);
    for (Region r : REGIONS) {
      boolean[] over = r.overLung() ? softOrLung : soft;
      for (int side : new int[] {-1, 1}) {
        Ellipsoid region = new Ellipsoid(r.centre().scaled(side, 1, 1), r.semi());
        int blobs = MIN_BLOBS + rng.nextInt(MAX_BLOBS - MIN_BLOBS + 1);
        for (int b = 0; b < blobs; b++) {
          Vec3 at = LymphNodePainter.randomPointIn(region, rng);
          c.paint(Ellipsoid.sphere(at, BLOB_RADIUS_MM.draw(rng)), Tissue.BROWN_FAT, over);
        }
      }
    }
  }
}
