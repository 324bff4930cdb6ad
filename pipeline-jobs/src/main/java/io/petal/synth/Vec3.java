package io.petal.synth;

/**
 * A point or a displacement in 3D, in millimetres. Used for patient LPS coordinates and for the
 * generator's reference-body frame (u to the patient's left, v posterior, w downwards from the
 * vertex); each use says which.
 */
public record Vec3(double x, double y, double z) {

  public Vec3 plus(Vec3 o) {
    return new Vec3(x + o.x, y + o.y, z + o.z);
  }

  public Vec3 minus(Vec3 o) {
    return new Vec3(x - o.x, y - o.y, z - o.z);
  }

  public Vec3 times(double s) {
    return new Vec3(x * s, y * s, z * s);
  }

  public double dot(Vec3 o) {
    return x * o.x + y * o.y + z * o.z;
  }

  public Vec3 cross(Vec3 o) {
    return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
  }

  public double norm() {
    return Math.sqrt(dot(this));
  }

  /** This vector scaled to length 1; fails for the zero vector. */
  public Vec3 unit() {
    double n = norm();
    if (n == 0) {
      throw new IllegalArgumentException("cannot normalise the zero vector");
    }
    return times(1 / n);
  }

  /** Component-wise product (anisotropic scaling). */
  public Vec3 scaled(double sx, double sy, double sz) {
    return new Vec3(x * sx, y * sy, z * sz);
  }
}
