package io.petal.synth;

import java.util.SplittableRandom;

/**
 * A 3×3 rotation whose columns are the images of the local x, y, z axes: a shape defined in its
 * own local frame is placed by {@code p = R·local + centre}. Immutable.
 */
final class Rotation {
  static final Rotation IDENTITY = new Rotation(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});

  private final double[] m; // row-major 3x3

  private Rotation(double[] m) {
    this.m = m;
  }

  /**
   * The frame whose first axis points along {@code primary} and whose second axis is
   * {@code secondary} made orthogonal to it (Gram–Schmidt); the third is their cross product.
   */
  static Rotation fromAxes(Vec3 primary, Vec3 secondary) {
    Vec3 e1 = primary.unit();
    Vec3 e2 = secondary.minus(e1.times(secondary.dot(e1))).unit();
    Vec3 e3 = e1.cross(e2);
    return new Rotation(new double[] {
      e1.x(), e2.x(), e3.x(),
      e1.y(), e2.y(), e3.y(),
      e1.z(), e2.z(), e3.z()});
  }

  /** A rotation by {@code degrees} about the third (z or w) axis. */
  static Rotation aboutThirdAxis(double degrees) {
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    return new Rotation(new double[] {c, -s, 0, s, c, 0, 0, 0, 1});
  }

  /** A rotation drawn uniformly over SO(3) (Shoemake's random unit quaternion). */
  static Rotation random(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble() * 2 * Math.PI;
    double u3 = rng.nextDouble() * 2 * Math.PI;
    double a = Math.sqrt(1 - u1);
    double b = Math.sqrt(u1);
    double qx = a * Math.sin(u2);
    double qy = a * Math.cos(u2);
    double qz = b * Math.sin(u3);
    double qw = b * Math.cos(u3);
    return new Rotation(new double[] {
      1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - qz * qw), 2 * (qx * qz + qy * qw),
      2 * (qx * qy + qz * qw), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - qx * qw),
      2 * (qx * qz - qy * qw), 2 * (qy * qz + qx * qw), 1 - 2 * (qx * qx + qy * qy)});
  }

  /** Entry (row, col). */
  double get(int row, int col) {
    return m[row * 3 + col];
  }

  /** Rᵀ·p: a vector of the placing frame expressed in the local frame. */
  Vec3 applyInverse(Vec3 p) {
    return new Vec3(
        m[0] * p.x() + m[3] * p.y() + m[6] * p.z(),
        m[1] * p.x() + m[4] * p.y() + m[7] * p.z(),
        m[2] * p.x() + m[5] * p.y() + m[8] * p.z());
  }
}
