package io.petal.models.translate;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mean absolute error between a prediction and its target, and its gradient:
 * <pre>
 *   L1 = (1/N) · Σ |p_i − y_i|,   d(w·L1)/dp_i = (w/N) · sign(p_i − y_i)   (0 where p_i = y_i)
 * </pre>
 * N is given by the caller (all values of the whole batch), so that the passes of a batch split
 * into micro-batches add up to the batch's loss and gradient.
 */
final class L1Loss {
  private final Map<Long, INDArray> gradients = new HashMap<>();
  private float[] p = new float[0];
  private float[] y = new float[0];
  private INDArray gradient;

  /**
   * @param prediction network output, any shape
   * @param target same shape and layout
   * @param normaliser N, the number of values the mean is taken over
   * @param weight w, applied to the gradient only
   * @return Σ |p − y| / N of this pass (unweighted)
   */
  double evaluate(INDArray prediction, INDArray target, double normaliser, double weight) {
    int n = Math.toIntExact(prediction.length());
    if (target.length() != n) {
      throw new IllegalArgumentException("L1: prediction has " + n + " values, target " + target.length());
    }
    if (p.length < n) {
      p = new float[n];
      y = new float[n];
    }
    prediction.data().asNioFloat().get(0, p, 0, n);
    target.data().asNioFloat().get(0, y, 0, n);
    float step = (float) (weight / normaliser);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float d = p[i] - y[i];
      sum += Math.abs(d);
      p[i] = Math.signum(d) * step;
    }
    gradient = gradients.computeIfAbsent(prediction.length(), k -> Nd4j.create(DataType.FLOAT, prediction.shape()));
    gradient.data().asNioFloat().put(0, p, 0, n);
    return sum / normaliser;
  }

  /** d(w·L1)/d(prediction) of the last {@link #evaluate}, shaped like the prediction. */
  INDArray gradient() {
    return gradient;
  }
}
