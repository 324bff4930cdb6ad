package io.petal.synth.brain;

import io.petal.synth.SmoothRandomField;
import io.petal.synth.Vec3;
import java.util.SplittableRandom;

/**
 * One synthetic glioma in the reference head frame: an irregular core with, for a high-grade
 * tumour, an enhancing rim around central necrosis, or, for a low-grade one, a solid
 * non-enhancing core; and peritumoural oedema that spreads through white matter and deep nuclei
 * but spares the cortex, so it reaches out in fingers.
 *
 * <p>The core boundary lies at radius {@code coreRadiusMm·(1 + 0.25·g(direction))} from the
 * centre, the oedema boundary {@code oedemaMm·(1 + 0.6·h(direction))} further out (at least 1 mm),
 * with g and h smooth random fields over direction. Drawn per tumour: core radius 6–20 mm (at
 * least three voxels), rim 2–5 mm (at least 1.2 voxels, at most half the core), oedema 4–22 mm,
 * high grade with probability {@value #HIGH_GRADE_PROBABILITY}, centre in the cerebral white
 * matter at least {@value #MIDLINE_CLEARANCE_MM} mm off the midline and far enough inside the brain
 * ellipsoid (along each axis) for the irregular core to stay in it.
 *
 * @param centre        centre in the head frame (mm)
 * @param coreRadiusMm  mean core radius (mm)
 * @param rimMm         enhancing rim thickness (mm; unused for low grade)
 * @param oedemaMm      mean oedema extent beyond the core (mm)
 * @param highGrade     necrosis and an enhancing rim (true) or a non-enhancing core (false)
 * @param coreShape     g: the core's radial irregularity over direction (about N(0, 1))
 * @param oedemaShape   h: the oedema's radial irregularity over direction (about N(0, 1))
 */
record Glioma(Vec3 centre, double coreRadiusMm, double rimMm, double oedemaMm, boolean highGrade,
    SmoothRandomField coreShape, SmoothRandomField oedemaShape) {
  static final double HIGH_GRADE_PROBABILITY = 0.75;
  static final double CORE_IRREGULARITY = 0.25;
  static final double OEDEMA_IRREGULARITY = 0.6;
  /** Directions are scaled to this radius (mm) before the shape fields are read. */
  private static final double DIRECTION_RADIUS = 30;
  private static final double DIRECTION_CELL = 18;
  private static final int PLACEMENT_TRIES = 200;
  /** A tumour centre lies at least this far from the midline (mm). */
  private static final double MIDLINE_CLEARANCE_MM = 12;
  /** Radii never shrink below this fraction of their mean, however the shape fields swing. */
  private static final double MIN_RADIUS_FRACTION = 0.3;

  /** Draws a tumour for {@code anatomy}, whose voxels are {@code spacingMm} apart. */
  static Glioma draw(HeadAnatomy anatomy, double spacingMm, SplittableRandom rng) {
    double core = Math.max(6 + 14 * rng.nextDouble(), 3 * spacingMm);
    double rim = Math.min(Math.max(2 + 3 * rng.nextDouble(), 1.2 * spacingMm), core / 2);
    double oedema = 4 + 18 * rng.nextDouble();
    boolean high = rng.nextDouble() < HIGH_GRADE_PROBABILITY;
    Vec3 centre = placeCentre(anatomy, core, rng);
    double d = DIRECTION_RADIUS;
    return new Glioma(centre, core, rim, oedema, high,
        new SmoothRandomField(rng, -d, -d, -d, 2 * d, 2 * d, 2 * d, DIRECTION_CELL),
        new SmoothRandomField(rng, -d, -d, -d, 2 * d, 2 * d, 2 * d, DIRECTION_CELL));
  }

  /**
   * A centre in white matter, off the midline, deep enough that the irregular core stays inside
   * the brain; a fixed frontal white-matter point when no draw succeeds.
   */
  private static Vec3 placeCentre(HeadAnatomy anatomy, double coreRadiusMm, SplittableRandom rng) {
    Vec3 semi = HeadAnatomy.BRAIN_SEMI_MM;
    double reach = coreRadiusMm * (1 + CORE_IRREGULARITY) + 4;
    Vec3 inner = new Vec3(Math.max(5, semi.x() - reach), Math.max(5, semi.y() - reach), Math.max(5, semi.z() - reach));
    for (int t = 0; t < PLACEMENT_TRIES; t++) {
      double side = rng.nextBoolean() ? 1 : -1;
      Vec3 c = new Vec3(side * (MIDLINE_CLEARANCE_MM + rng.nextDouble() * (inner.x() - MIDLINE_CLEARANCE_MM)),
          (2 * rng.nextDouble() - 1) * inner.y(), (2 * rng.nextDouble() - 1) * inner.z());
      double u = c.x() / inner.x();
      double v = c.y() / inner.y();
      double w = c.z() / inner.z();
      if (u * u + v * v + w * w < 1 && anatomy.tissueAt(c) == HeadTissue.WHITE_MATTER) {
        return c;
      }
    }
    return new Vec3(25, -30, 15);
  }

  /** How far out (mm) this tumour can reach from its centre. */
  double reachMm() {
    return coreRadiusMm * (1 + CORE_IRREGULARITY * 3) + oedemaMm * (1 + OEDEMA_IRREGULARITY * 3) + 2;
  }

  /**
   * The tissue the tumour puts at head-frame point {@code q} over healthy tissue {@code healthy},
   * or {@code healthy} itself where the tumour does not reach.
   */
  HeadTissue tissueAt(Vec3 q, HeadTissue healthy) {
    if (!healthy.brain()) {
      return healthy;
    }
    Vec3 v = q.minus(centre);
    double r = v.norm();
    double ux = r > 1e-9 ? v.x() / r * DIRECTION_RADIUS : 0;
    double uy = r > 1e-9 ? v.y() / r * DIRECTION_RADIUS : 0;
    double uz = r > 1e-9 ? v.z() / r * DIRECTION_RADIUS : 0;
    double coreEdge = coreRadiusMm * Math.max(MIN_RADIUS_FRACTION, 1 + CORE_IRREGULARITY * coreShape.at(ux, uy, uz));
    if (r < coreEdge) {
      if (!highGrade) {
        return HeadTissue.NON_ENHANCING_TUMOUR;
      }
      return r < coreEdge - rimMm ? HeadTissue.NECROSIS : HeadTissue.ENHANCING_TUMOUR;
    }
    double oedemaEdge = coreEdge + Math.max(1, oedemaMm * Math.max(MIN_RADIUS_FRACTION,
        1 + OEDEMA_IRREGULARITY * oedemaShape.at(ux, uy, uz)));
    return r < oedemaEdge && healthy.oedemaProne() ? HeadTissue.OEDEMA : healthy;
  }
}
