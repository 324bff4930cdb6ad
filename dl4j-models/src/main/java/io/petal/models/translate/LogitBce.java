package io.petal.models.translate;

import io.petal.models.seg.Logistic;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binary cross-entropy of a discriminator's logits z against one label t for all of them (1 =
 * real, 0 = fake), from the logits so that it stays finite when saturated:
 * <pre>
 *   BCE = (1/N) · Σ [softplus(z_i) − t·z_i]   (= −log σ(z) for t = 1, −log(1 − σ(z)) for t = 0)
 *   d(w·BCE)/dz_i = (w/N) · (σ(z_i) − t)
 * </pre>
 * With t = 1 on the generator's fakes this is the non-saturating generator loss −log D(G(x)).
 * N is given by the caller (all logits of the whole batch), so that micro-batch passes add up.
 */
final class LogitBce {
  private final Map<Long, INDArray> gradients = new HashMap<>();
  private float[] z = new float[0];
  private INDArray gradient;

  /**
   * @param logits discriminator output, any shape
   * @param label t, 0 or 1
   * @param normaliser N
   * @param weight w, applied to the gradient only
   * @return the pass's BCE, Σ / N (unweighted), nats
   */
  double evaluate(INDArray logits, int label, double normaliser, double weight) {
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException("BCE label must be 0 or 1, got " + label);
    }
    int n = Math.toIntExact(logits.length());
    if (z.length < n) {
      z = new float[n];
    }
    logits.data().asNioFloat().get(0, z, 0, n);
    double scale = weight / normaliser;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double v = z[i];
      sum += Logistic.softplus(v) - label * v;
      z[i] = (float) (scale * (Logistic.sigmoid(v) - label));
    }
    gradient = gradients.computeIfAbsent(logits.length(), k -> Nd4j.create(DataType.FLOAT, logits.shape()));
    gradient.data().asNioFloat().put(0, z, 0, n);
    return sum / normaliser;
  }

  /** d(w·BCE)/d(logits) of the last {@link #evaluate}, shaped like the logits. */
  INDArray gradient() {
    return gradient;
  }
}
