package io.petal.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paints the gastrointestinal tract: oesophagus, stomach, colon (a fixed frame from caecum to
 * rectum) and small-bowel loops (a random walk inside the mid-abdomen), each a wall around a
 * lumen with content, and gas pockets where a smooth random field is high (more gas anteriorly,
 * where it rises in a supine patient).
 */
final class BowelPainter {
  private BowelPainter() {}

  /** Nominal bowel wall thickness (mm), raised on coarse grids. */
  private static final double WALL_MM = 4;
  /** Small-bowel loops: number of random-walk steps, step length and tube radius (mm). */
  private static final int SMALL_BOWEL_STEPS = 70;
  private static final double SMALL_BOWEL_STEP_MM = 16;
  private static final double SMALL_BOWEL_RADIUS = 11;
  /** Lattice spacing of the gas field (mm). */
  private static final double GAS_CELL_MM = 18;
  /** Gas preference per mm towards anterior (field units per mm of −v). */
  private static final double GAS_ANTERIOR_GRADIENT = 0.012;

  /** The colon centre line, caecum to rectum, with its radius (mm) at each point. */
  private static final double[][] COLON = {
    {-100, 10, 835, 26}, {-105, 2, 760, 24}, {-100, -10, 690, 22}, {-70, -55, 690, 22},
    {-20, -68, 712, 22}, {40, -60, 702, 22}, {95, -15, 662, 21}, {110, 18, 700, 20},
    {106, 22, 780, 20}, {95, 10, 840, 19}, {55, -12, 858, 18}, {15, 20, 866, 18},
    {2, 62, 886, 18}, {0, 68, 930, 16}};

  static void paint(TissueCanvas c, AnatomyParams p, SplittableRandom rng) {
    double wall = Math.max(WALL_MM, 0.8 * c.largestSpacingReferenceMm());
    boolean[] overFat = Tissue.maskOf(Tissue.FAT);
    boolean[] overWall = Tissue.maskOf(Tissue.BOWEL_WALL);
    List<Capsule> tubes = new ArrayList<>();
    Vec3[] oesophagus = {new Vec3(0, 12, 235), new Vec3(0, 14, 330), new Vec3(6, 22, 450),
        new Vec3(18, 4, 560), new Vec3(35, -12, 605)};
    for (int s = 1; s < oesophagus.length; s++) {
      c.paint(new Capsule(oesophagus[s - 1], oesophagus[s], 7), Tissue.BOWEL_WALL,
          Tissue.maskOf(Tissue.FAT, Tissue.MUSCLE));
    }
    Ellipsoid stomach = new Ellipsoid(new Vec3(50, -26, 622 + p.diaphragmShiftMm()),
        new Vec3(44, 36, 52), Rotation.aboutThirdAxis(25));
    c.paint(stomach, Tissue.BOWEL_WALL, Tissue.maskOf(Tissue.FAT, Tissue.LUNG, Tissue.MUSCLE));
    Ellipsoid stomachLumen = stomach.inset(wall);
    for (int s = 1; s < COLON.length; s++) {
      double[] a = COLON[s - 1];
      double[] b = COLON[s];
      tubes.add(new Capsule(new Vec3(a[0], a[1], a[2]), new Vec3(b[0], b[1], b[2]), a[3], b[3]));
    }
    tubes.addAll(smallBowelLoops(rng));
    for (Capsule t : tubes) {
      c.paint(t, Tissue.BOWEL_WALL, overFat);
    }
    if (stomachLumen != null) {
      c.paint(stomachLumen, Tissue.BOWEL_CONTENT, overWall);
    }
    for (Capsule t : tubes) {
      Capsule lumen = t.inset(wall);
      if (lumen != null) {
        c.paint(lumen, Tissue.BOWEL_CONTENT, overWall);
      }
    }
    Box abdomen = new Box(-170, 170, -130, 130, 540, 960);
    SmoothRandomField gas = new SmoothRandomField(rng, abdomen.u0(), abdomen.v0(), abdomen.w0(),
        abdomen.u1() - abdomen.u0(), abdomen.v1() - abdomen.v0(), abdomen.w1() - abdomen.w0(),
        GAS_CELL_MM);
    double level = p.bowelGasLevel();
    c.paint(Shape.box(abdomen).where(
        (u, v, w) -> gas.at(u, v, w) - GAS_ANTERIOR_GRADIENT * v > level),
        Tissue.BOWEL_GAS, Tissue.maskOf(Tissue.BOWEL_CONTENT));
  }

  /** A random walk of tube segments that stays inside the mid-abdominal small-bowel region. */
  private static List<Capsule> smallBowelLoops(SplittableRandom rng) {
    Vec3 centre = new Vec3(-5, -30, 775);
    Vec3 half = new Vec3(78, 44, 58);
    List<Capsule> loops = new ArrayList<>();
    Vec3 pos = centre;
    Vec3 dir = new Vec3(1, 0, 0);
    for (int s = 0; s < SMALL_BOWEL_STEPS; s++) {
      Vec3 jitter = new Vec3(rng.nextDouble() - 0.5, rng.nextDouble() - 0.5, rng.nextDouble() - 0.5);
      dir = dir.plus(jitter.times(1.6)).unit();
      Vec3 next = pos.plus(dir.times(SMALL_BOWEL_STEP_MM));
      Vec3 rel = next.minus(centre);
      double r2 = sq(rel.x() / half.x()) + sq(rel.y() / half.y()) + sq(rel.z() / half.z());
      if (r2 > 1) {
        dir = centre.minus(pos).unit();
        next = pos.plus(dir.times(SMALL_BOWEL_STEP_MM));
      }
      loops.add(new Capsule(pos, next, SMALL_BOWEL_RADIUS));
      pos = next;
    }
    return loops;
  }

  private static double sq(double x) {
    return x * x;
  }
}
