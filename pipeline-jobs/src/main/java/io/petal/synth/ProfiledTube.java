package io.petal.synth;

import java.util.Arrays;
import java.util.List;

/**
 * A tube along w whose superelliptic cross-section (exponent {@code exponent}, 2 = ellipse) has
 * half-widths and centre interpolated linearly between profile stations: the trunk, the neck,
 * the thighs, the rib cage. An {@code offsetMm} grows (positive) or shrinks (negative) every
 * half-width, which gives the fat outline around the muscle outline and the cavities inside it.
 */
final class ProfiledTube implements Shape {

  /** One station of the profile: at depth {@code w}, half-widths and centre (mm). */
  record Station(double w, double halfU, double halfV, double centreU, double centreV) {}

  private final Station[] stations;
  private final double exponent;
  private final double offsetMm;
  private final double wFrom;
  private final double wTo;

  ProfiledTube(List<Station> stations, double exponent, double offsetMm, double wFrom, double wTo) {
    if (stations.size() < 2) {
      throw new IllegalArgumentException("a profile needs at least two stations");
    }
    this.stations = stations.toArray(new Station[0]);
    for (int s = 1; s < this.stations.length; s++) {
      if (this.stations[s].w() <= this.stations[s - 1].w()) {
        throw new IllegalArgumentException("profile stations must have increasing w: "
            + Arrays.toString(this.stations));
      }
    }
    if (exponent < 2) {
      throw new IllegalArgumentException("superellipse exponent must be >= 2, got " + exponent);
    }
    this.exponent = exponent;
    this.offsetMm = offsetMm;
    this.wFrom = Math.max(wFrom, this.stations[0].w());
    this.wTo = Math.min(wTo, this.stations[this.stations.length - 1].w());
  }

  ProfiledTube(List<Station> stations, double exponent) {
    this(stations, exponent, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** The same profile with every half-width changed by {@code mm} more. */
  ProfiledTube offset(double mm) {
    return new ProfiledTube(List.of(stations), exponent, offsetMm + mm, wFrom, wTo);
  }

  /** The same tube restricted to {@code from <= w <= to}. */
  ProfiledTube between(double from, double to) {
    return new ProfiledTube(List.of(stations), exponent, offsetMm, Math.max(from, wFrom),
        Math.min(to, wTo));
  }

  /** The profile station interpolated at depth {@code w} (clamped to the ends), without offset. */
  Station at(double w) {
    if (w <= stations[0].w()) {
      return stations[0];
    }
    for (int s = 1; s < stations.length; s++) {
      if (w <= stations[s].w()) {
        Station p = stations[s - 1];
        Station q = stations[s];
        double t = (w - p.w()) / (q.w() - p.w());
        return new Station(w, lerp(p.halfU(), q.halfU(), t), lerp(p.halfV(), q.halfV(), t),
            lerp(p.centreU(), q.centreU(), t), lerp(p.centreV(), q.centreV(), t));
      }
    }
    return stations[stations.length - 1];
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }

  @Override
  public boolean contains(double u, double v, double w) {
    if (w < wFrom || w > wTo) {
      return false;
    }
    int s = 1;
    while (s < stations.length - 1 && w > stations[s].w()) {
      s++;
    }
    Station p = stations[s - 1];
    Station q = stations[s];
    double t = Math.max(0, Math.min(1, (w - p.w()) / (q.w() - p.w())));
    double hu = lerp(p.halfU(), q.halfU(), t) + offsetMm;
    double hv = lerp(p.halfV(), q.halfV(), t) + offsetMm;
    if (hu <= 0 || hv <= 0) {
      return false;
    }
    double x = Math.abs(u - lerp(p.centreU(), q.centreU(), t)) / hu;
    double y = Math.abs(v - lerp(p.centreV(), q.centreV(), t)) / hv;
    if (x > 1 || y > 1) {
      return false;
    }
    if (x * x + y * y <= 1) {
      return true; // a superellipse with exponent >= 2 holds its ellipse
    }
    return Math.pow(x, exponent) + Math.pow(y, exponent) <= 1;
  }

  @Override
  public Box bounds() {
    double u0 = Double.POSITIVE_INFINITY;
    double u1 = Double.NEGATIVE_INFINITY;
    double v0 = Double.POSITIVE_INFINITY;
    double v1 = Double.NEGATIVE_INFINITY;
    for (Station s : stations) {
      u0 = Math.min(u0, s.centreU() - s.halfU() - offsetMm);
      u1 = Math.max(u1, s.centreU() + s.halfU() + offsetMm);
      v0 = Math.min(v0, s.centreV() - s.halfV() - offsetMm);
      v1 = Math.max(v1, s.centreV() + s.halfV() + offsetMm);
    }
    return new Box(u0, u1, v0, v1, wFrom, wTo);
  }
}
