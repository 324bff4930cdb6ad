package io.petal.models.seg;

/** The logistic function and its companions, written to stay finite for any logit. */
public final class Logistic {
  private Logistic() {}

  /** σ(z) = 1 / (1 + e^−z), in [0, 1]. */
  public static double sigmoid(double z) {
    double e = Math.exp(-Math.abs(z));
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  /** softplus(z) = log(1 + e^z) = −log(1 − σ(z)), without overflow: max(z, 0) + log1p(e^−|z|). */
  public static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }
}
