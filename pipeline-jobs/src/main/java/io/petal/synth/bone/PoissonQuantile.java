package io.petal.synth.bone;

/**
 * Poisson counts by inversion: the count k whose cumulative probability first reaches a uniform
 * draw {@code p}. One uniform per pixel, so two images that differ only in a few pixels' means
 * (a patient and the patient's lesion-free twin) get the same noise everywhere else. Exact for
 * means up to {@value #EXACT_UP_TO}; above, the normal approximation (mean λ, variance λ) with
 * continuity correction, never negative.
 */
final class PoissonQuantile {
  static final double EXACT_UP_TO = 200;

  private PoissonQuantile() {}

  /** The Poisson({@code lambda}) quantile of {@code p} in [0, 1). */
  static int of(double lambda, double p) {
    if (!(lambda > 0)) {
      return 0;
    }
    if (lambda > EXACT_UP_TO) {
      return (int) Math.max(0, Math.floor(lambda + Math.sqrt(lambda) * inverseNormal(p) + 0.5));
    }
    double term = Math.exp(-lambda);
    double cdf = term;
    int k = 0;
    while (cdf <= p && k < 10 * EXACT_UP_TO) {
      k++;
      term *= lambda / k;
      cdf += term;
    }
    return k;
  }

  /** The standard normal quantile of {@code p} (Acklam's rational approximation, relative error < 1.2e-9). */
  static double inverseNormal(double p) {
    double q = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771670e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (q < low) {
      double t = Math.sqrt(-2 * Math.log(q));
      return (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5])
          / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
    }
    if (q > 1 - low) {
      double t = Math.sqrt(-2 * Math.log(1 - q));
      return -(((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5])
          / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
    }
    double t = q - 0.5;
    double r = t * t;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * t
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
