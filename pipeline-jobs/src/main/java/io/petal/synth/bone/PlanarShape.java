package io.petal.synth.bone;

/**
 * A body part as seen in projection: at each point (x, u) of the coronal plane (x mm to the
 * patient's left, u mm below the vertex) the length of the path (mm) a ray along the
 * anterior–posterior axis travels through it.
 */
interface PlanarShape {
  /** Path length through the part at (x, u), mm; 0 outside. */
  double pathMm(double x, double u);

  /** True when (x, u) lies inside the part's outline. */
  default boolean covers(double x, double u) {
    return pathMm(x, u) > 0;
  }

  /** Bounding box of the outline: {xMin, xMax, uMin, uMax} (mm). */
  double[] bounds();

  /**
   * A cylinder of radius {@code radiusMm} around the segment from (x0, u0) to (x1, u1), with
   * rounded ends (a long bone, a rib segment).
   */
  static PlanarShape capsule(double x0, double u0, double x1, double u1, double radiusMm) {
    return new Capsule2D(x0, u0, x1, u1, radiusMm);
  }

  /**
   * An ellipsoid of semi-axes {@code a} (along x before rotation), {@code b} (along u) and
   * {@code depth} (along the ray), turned by {@code angleDeg} in the plane.
   */
  static PlanarShape oval(double x, double u, double a, double b, double depth, double angleDeg) {
    return new Oval2D(x, u, a, b, depth, angleDeg, 0);
  }

  /**
   * A hollow ellipsoid (the calvarium): the oval minus its copy scaled by {@code innerFraction}.
   */
  static PlanarShape shell(double x, double u, double a, double b, double depth, double innerFraction) {
    return new Oval2D(x, u, a, b, depth, 0, innerFraction);
  }

  /** {@link #capsule}: path 2·√(r² − d²) at distance d from the segment. */
  record Capsule2D(double x0, double u0, double x1, double u1, double r) implements PlanarShape {
    @Override
    public double pathMm(double x, double u) {
      double dx = x1 - x0;
      double du = u1 - u0;
      double len2 = dx * dx + du * du;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (u - u0) * du) / len2));
      double ex = x - (x0 + t * dx);
      double eu = u - (u0 + t * du);
      double d2 = ex * ex + eu * eu;
      return d2 >= r * r ? 0 : 2 * Math.sqrt(r * r - d2);
    }

    @Override
    public double[] bounds() {
      return new double[] {Math.min(x0, x1) - r, Math.max(x0, x1) + r, Math.min(u0, u1) - r, Math.max(u0, u1) + r};
    }
  }

  /** {@link #oval} and {@link #shell}: path 2c·√(1 − ρ²), less the inner ellipsoid's path for a shell. */
  record Oval2D(double x, double u, double a, double b, double depth, double angleDeg, double innerFraction)
      implements PlanarShape {
    @Override
    public double pathMm(double px, double pu) {
      double t = Math.toRadians(angleDeg);
      double dx = px - x;
      double du = pu - u;
      double p = (Math.cos(t) * dx + Math.sin(t) * du) / a;
      double q = (-Math.sin(t) * dx + Math.cos(t) * du) / b;
      double rho2 = p * p + q * q;
      if (rho2 >= 1) {
        return 0;
      }
      double path = 2 * depth * Math.sqrt(1 - rho2);
      double k = innerFraction;
      if (k > 0 && rho2 < k * k) {
        path -= 2 * depth * k * Math.sqrt(1 - rho2 / (k * k));
      }
      return path;
    }

    @Override
    public double[] bounds() {
      double r = Math.max(a, b);
      return new double[] {x - r, x + r, u - r, u + r};
    }
  }
}
