package io.petal.synth;

/** An axis-aligned box in the reference-body frame (mm): the bounds of a {@link Shape}. */
record Box(double u0, double u1, double v0, double v1, double w0, double w1) {

  /** The box holding both. */
  Box union(Box o) {
    return new Box(Math.min(u0, o.u0), Math.max(u1, o.u1), Math.min(v0, o.v0),
        Math.max(v1, o.v1), Math.min(w0, o.w0), Math.max(w1, o.w1));
  }

  /** The overlap of both (possibly empty: then some lower bound exceeds its upper bound). */
  Box intersect(Box o) {
    return new Box(Math.max(u0, o.u0), Math.min(u1, o.u1), Math.max(v0, o.v0),
        Math.min(v1, o.v1), Math.max(w0, o.w0), Math.min(w1, o.w1));
  }

  boolean isEmpty() {
    return u0 > u1 || v0 > v1 || w0 > w1;
  }

  /** The box around {@code centre} with half-extents {@code half}. */
  static Box around(Vec3 centre, Vec3 half) {
    return new Box(centre.x() - half.x(), centre.x() + half.x(), centre.y() - half.y(),
        centre.y() + half.y(), centre.z() - half.z(), centre.z() + half.z());
  }
}
