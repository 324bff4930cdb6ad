package io.petal.synth;

/**
 * A cylinder along the w axis (head to feet) with an elliptic cross-section: centre
 * ({@code cu}, {@code cv}), half-axes {@code a} (along u) and {@code b} (along v), from
 * {@code w0} to {@code w1} (mm). Vertebral bodies, the sternum, the spinal canal.
 */
final class EllipticCylinder implements SolidShape {
  private final double cu;
  private final double cv;
  private final double a;
  private final double b;
  private final double w0;
  private final double w1;

  EllipticCylinder(double cu, double cv, double a, double b, double w0, double w1) {
    if (a <= 0 || b <= 0 || w1 < w0) {
      throw new IllegalArgumentException("bad cylinder: a=" + a + " b=" + b + " w=" + w0 + ".." + w1);
    }
    this.cu = cu;
    this.cv = cv;
    this.a = a;
    this.b = b;
    this.w0 = w0;
    this.w1 = w1;
  }

  @Override
  public boolean contains(double u, double v, double w) {
    if (w < w0 || w > w1) {
      return false;
    }
    double x = (u - cu) / a;
    double y = (v - cv) / b;
    return x * x + y * y <= 1;
  }

  @Override
  public Box bounds() {
    return new Box(cu - a, cu + a, cv - b, cv + b, w0, w1);
  }

  @Override
  public EllipticCylinder inset(double mm) {
    return a > mm && b > mm && w1 - w0 > 2 * mm
        ? new EllipticCylinder(cu, cv, a - mm, b - mm, w0 + mm, w1 - mm) : null;
  }
}
