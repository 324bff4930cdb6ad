package io.petal.synth;

import java.util.Arrays;

/** A piecewise-linear function through the given knots, constant beyond the first and last. */
final class Piecewise {
  private final double[] xs;
  private final double[] ys;

  Piecewise(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length == 0) {
      throw new IllegalArgumentException("need as many x as y knots, at least one");
    }
    for (int i = 1; i < xs.length; i++) {
      if (xs[i] <= xs[i - 1]) {
        throw new IllegalArgumentException("knots must increase: " + Arrays.toString(xs));
      }
    }
    this.xs = xs.clone();
    this.ys = ys.clone();
  }

  double at(double x) {
    if (x <= xs[0]) {
      return ys[0];
    }
    for (int i = 1; i < xs.length; i++) {
      if (x <= xs[i]) {
        double t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[i - 1] + t * (ys[i] - ys[i - 1]);
      }
    }
    return ys[ys.length - 1];
  }
}
