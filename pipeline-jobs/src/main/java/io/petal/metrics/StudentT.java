package io.petal.metrics;

/**
 * Quantiles of Student's t distribution, for confidence intervals of a mean. The CDF comes from
 * the regularised incomplete beta function (continued fraction, Lentz), the quantile from
 * bisection on it; accurate to about 1e-12.
 */
final class StudentT {
  private StudentT() {}

  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7};

  /** The p-quantile (0 < p < 1) of t with {@code df} (> 0) degrees of freedom. */
  static double quantile(double p, double df) {
    if (!(p > 0 && p < 1) || !(df > 0)) {
      throw new IllegalArgumentException("t quantile needs 0 < p < 1 and df > 0, got p=" + p + ", df=" + df);
    }
    if (p < 0.5) {
      return -quantile(1 - p, df);
    }
    double tail = 1 - p;
    double hi = 1;
    while (upperTail(hi, df) > tail) {
      hi *= 2;
    }
    double lo = 0;
    for (int iter = 0; iter < 200 && hi - lo > 1e-14 * hi; iter++) {
      double mid = 0.5 * (lo + hi);
      if (upperTail(mid, df) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** P(T > t) for t ≥ 0: ½·I_{df/(df+t²)}(df/2, ½). */
  static double upperTail(double t, double df) {
    return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  }

  /** I_x(a, b). */
  private static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  /** The continued fraction of I_x(a, b) (Numerical Recipes' betacf, modified Lentz). */
  private static double continuedFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 500; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + even * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + even / c;
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + odd * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + odd / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < 1e-16) {
        break;
      }
    }
    return h;
  }

  /** ln Γ(x) for x > 0 (Lanczos, g = 7). */
  private static double lnGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
