package io.petal.synth;

import java.util.SplittableRandom;

/** Paints fat pads and one to three small normal lymph nodes in every {@link NodeStation}. */
final class LymphNodePainter {
  private LymphNodePainter() {}

  /** Size of a fat pad relative to its station region. */
  private static final double FAT_PAD_FRACTION = 0.75;
  /** Half-axes of a normal node (mm). */
  private static final Range NODE_SEMI_MM = new Range(2.5, 5.5);
  private static final int MAX_NODES_PER_STATION = 3;

  static void paint(TissueCanvas c, SplittableRandom rng) {
    boolean[] padOver = Tissue.maskOf(Tissue.MUSCLE, Tissue.LUNG);
    boolean[] overFat = Tissue.maskOf(Tissue.FAT);
    for (NodeStation station : NodeStation.values()) {
      Ellipsoid region = station.region();
      if (station.needsFatPad()) {
        Vec3 s = region.semi().times(FAT_PAD_FRACTION);
        c.paint(new Ellipsoid(region.centre(), s), Tissue.FAT, padOver);
      }
      int count = 1 + rng.nextInt(MAX_NODES_PER_STATION);
      for (int n = 0; n < count; n++) {
        Vec3 at = randomPointIn(region, rng);
        Vec3 semi = new Vec3(NODE_SEMI_MM.draw(rng), NODE_SEMI_MM.draw(rng), NODE_SEMI_MM.draw(rng));
        c.paint(new Ellipsoid(at, semi, Rotation.random(rng)), Tissue.LYMPH_NODE, overFat);
      }
    }
  }

  /** A uniform point inside an axis-aligned ellipsoid (rejection sampling in its box). */
  static Vec3 randomPointIn(Ellipsoid e, SplittableRandom rng) {
    while (true) {
      double a = rng.nextDouble() * 2 - 1;
      double b = rng.nextDouble() * 2 - 1;
      double d = rng.nextDouble() * 2 - 1;
      if (a * a + b * b + d * d <= 1) {
        return e.centre().plus(new Vec3(a * e.semi().x(), b * e.semi().y(), d * e.semi().z()));
      }
    }
  }
}
