package io.petal.synth;

/**
 * A solid region of the reference-body frame (u left, v posterior, w down from the vertex; mm),
 * rasterised by {@link TissueCanvas} at voxel centres.
 */
interface Shape {

  /** True when the point lies inside. */
  boolean contains(double u, double v, double w);

  /** A box that holds every inside point (used to limit rasterisation). */
  Box bounds();

  /** The points inside both shapes. */
  default Shape and(Shape other) {
    Shape self = this;
    Box box = bounds().intersect(other.bounds());
    return new Shape() {
      @Override
      public boolean contains(double u, double v, double w) {
        return self.contains(u, v, w) && other.contains(u, v, w);
      }

      @Override
      public Box bounds() {
        return box;
      }
    };
  }

  /** The points inside this shape but not inside {@code other}. */
  default Shape minus(Shape other) {
    return where((u, v, w) -> !other.contains(u, v, w));
  }

  /** The points inside this shape that also satisfy {@code condition}. */
  default Shape where(PointPredicate condition) {
    Shape self = this;
    return new Shape() {
      @Override
      public boolean contains(double u, double v, double w) {
        return self.contains(u, v, w) && condition.test(u, v, w);
      }

      @Override
      public Box bounds() {
        return self.bounds();
      }
    };
  }

  /** Every point of {@code box}. */
  static Shape box(Box box) {
    return new Shape() {
      @Override
      public boolean contains(double u, double v, double w) {
        return u >= box.u0() && u <= box.u1() && v >= box.v0() && v <= box.v1()
            && w >= box.w0() && w <= box.w1();
      }

      @Override
      public Box bounds() {
        return box;
      }
    };
  }
}
