package io.petal.synth;

import java.util.SplittableRandom;

/**
 * Grows a random binary tree of tapering tubes (hepatic and pulmonary vessels): each branch
 * splits into two children turned by a random angle, shorter and thinner, until the radius falls
 * below a minimum or the depth limit is reached. Painted only over the given tissues, so a tree
 * stays inside its organ.
 */
final class VesselTree {
  private VesselTree() {}

  /** Angle between a child branch and its parent (degrees). */
  private static final Range BRANCH_ANGLE_DEG = new Range(20, 45);
  /** Child length relative to its parent. */
  private static final Range LENGTH_FACTOR = new Range(0.70, 0.90);
  /** Child radius relative to its parent. */
  private static final Range RADIUS_FACTOR = new Range(0.65, 0.80);
  /** Depth limit of the recursion (a root has at most 2^depth − 1 segments). */
  private static final int MAX_DEPTH = 6;

  /**
   * Paints one tree rooted at {@code start} growing along {@code direction}; radii and lengths in
   * reference mm.
   */
  static void grow(TissueCanvas c, SplittableRandom rng, Vec3 start, Vec3 direction,
      double radius, double length, double minRadius, Tissue tissue, boolean[] over) {
    branch(c, rng, start, direction.unit(), radius, length, minRadius, tissue, over, 1);
  }

  private static void branch(TissueCanvas c, SplittableRandom rng, Vec3 start, Vec3 dir,
      double radius, double length, double minRadius, Tissue tissue, boolean[] over, int depth) {
    Vec3 end = start.plus(dir.times(length));
    c.paint(new Capsule(start, end, radius, radius * 0.9), tissue, over);
    if (depth >= MAX_DEPTH) {
      return;
    }
    for (int child = 0; child < 2; child++) {
      double r = radius * RADIUS_FACTOR.draw(rng);
      if (r < minRadius) {
        continue;
      }
      Vec3 d = turn(dir, Math.toRadians(BRANCH_ANGLE_DEG.draw(rng)), rng);
      branch(c, rng, end, d, r, length * LENGTH_FACTOR.draw(rng), minRadius, tissue, over,
          depth + 1);
    }
  }

  /** {@code dir} turned by {@code angle} radians towards a random perpendicular direction. */
  private static Vec3 turn(Vec3 dir, double angle, SplittableRandom rng) {
    Vec3 perpendicular;
    do {
      Vec3 r = new Vec3(rng.nextDouble() * 2 - 1, rng.nextDouble() * 2 - 1,
          rng.nextDouble() * 2 - 1);
      perpendicular = r.minus(dir.times(r.dot(dir)));
    } while (perpendicular.norm() < 1e-3);
    return dir.times(Math.cos(angle)).plus(perpendicular.unit().times(Math.sin(angle))).unit();
  }
}
