package io.petal.synth;

/**
 * A tube segment from {@code a} to {@code b} with rounded ends; the radius (mm) changes linearly
 * from {@code ra} at {@code a} to {@code rb} at {@code b}. Chains of capsules make vessels, ribs,
 * ureters and bowel loops.
 */
final class Capsule implements SolidShape {
  private final Vec3 a;
  private final Vec3 b;
  private final double ra;
  private final double rb;
  private final Vec3 d;
  private final double len2;

  Capsule(Vec3 a, Vec3 b, double ra, double rb) {
    if (ra <= 0 || rb <= 0) {
      throw new IllegalArgumentException("capsule radii must be positive: " + ra + ", " + rb);
    }
    this.a = a;
    this.b = b;
    this.ra = ra;
    this.rb = rb;
    this.d = b.minus(a);
    this.len2 = d.dot(d);
  }

  Capsule(Vec3 a, Vec3 b, double radius) {
    this(a, b, radius, radius);
  }

  @Override
  public boolean contains(double u, double v, double w) {
    double pu = u - a.x();
    double pv = v - a.y();
    double pw = w - a.z();
    double t = len2 == 0 ? 0 : (pu * d.x() + pv * d.y() + pw * d.z()) / len2;
    t = Math.max(0, Math.min(1, t));
    double eu = pu - t * d.x();
    double ev = pv - t * d.y();
    double ew = pw - t * d.z();
    double r = ra + t * (rb - ra);
    return eu * eu + ev * ev + ew * ew <= r * r;
  }

  @Override
  public Box bounds() {
    Box ba = Box.around(a, new Vec3(ra, ra, ra));
    Box bb = Box.around(b, new Vec3(rb, rb, rb));
    return ba.union(bb);
  }

  @Override
  public Capsule inset(double mm) {
    return ra > mm && rb > mm ? new Capsule(a, b, ra - mm, rb - mm) : null;
  }
}
