package io.petal.synth;

/** An ellipsoid with half-axes {@code semi} (mm) along the columns of {@code rotation}. */
final class Ellipsoid implements SolidShape {
  private final Vec3 centre;
  private final Vec3 semi;
  private final Rotation rotation;
  private final double ia2;
  private final double ib2;
  private final double ic2;

  Ellipsoid(Vec3 centre, Vec3 semi, Rotation rotation) {
    if (semi.x() <= 0 || semi.y() <= 0 || semi.z() <= 0) {
      throw new IllegalArgumentException("ellipsoid half-axes must be positive: " + semi);
    }
    this.centre = centre;
    this.semi = semi;
    this.rotation = rotation;
    this.ia2 = 1 / (semi.x() * semi.x());
    this.ib2 = 1 / (semi.y() * semi.y());
    this.ic2 = 1 / (semi.z() * semi.z());
  }

  /** An axis-aligned ellipsoid. */
  Ellipsoid(Vec3 centre, Vec3 semi) {
    this(centre, semi, Rotation.IDENTITY);
  }

  /** A sphere. */
  static Ellipsoid sphere(Vec3 centre, double radius) {
    return new Ellipsoid(centre, new Vec3(radius, radius, radius));
  }

  Vec3 centre() {
    return centre;
  }

  Vec3 semi() {
    return semi;
  }

  @Override
  public boolean contains(double u, double v, double w) {
    double du = u - centre.x();
    double dv = v - centre.y();
    double dw = w - centre.z();
    double a = rotation.get(0, 0) * du + rotation.get(1, 0) * dv + rotation.get(2, 0) * dw;
    double b = rotation.get(0, 1) * du + rotation.get(1, 1) * dv + rotation.get(2, 1) * dw;
    double c = rotation.get(0, 2) * du + rotation.get(1, 2) * dv + rotation.get(2, 2) * dw;
    return a * a * ia2 + b * b * ib2 + c * c * ic2 <= 1;
  }

  @Override
  public Box bounds() {
    double[] half = new double[3];
    for (int r = 0; r < 3; r++) {
      double ex = rotation.get(r, 0) * semi.x();
      double ey = rotation.get(r, 1) * semi.y();
      double ez = rotation.get(r, 2) * semi.z();
      half[r] = Math.sqrt(ex * ex + ey * ey + ez * ez);
    }
    return Box.around(centre, new Vec3(half[0], half[1], half[2]));
  }

  @Override
  public Ellipsoid inset(double mm) {
    Vec3 s = new Vec3(semi.x() - mm, semi.y() - mm, semi.z() - mm);
    return s.x() > 0 && s.y() > 0 && s.z() > 0 ? new Ellipsoid(centre, s, rotation) : null;
  }

  /** The same ellipsoid with its half-axes grown by {@code mm}. */
  Ellipsoid grown(double mm) {
    return new Ellipsoid(centre, new Vec3(semi.x() + mm, semi.y() + mm, semi.z() + mm), rotation);
  }
}
