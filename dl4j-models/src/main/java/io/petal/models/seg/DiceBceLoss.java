package io.petal.models.seg;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Soft Dice plus binary cross-entropy on the logits of centre slices, and the gradient with respect
 * to the logits.
 *
 * <p>For slice n with logits z, probabilities p = σ(z), labels y ∈ [0, 1], P pixels per slice and
 * B slices in the batch:
 * <pre>
 *   Dice_n = (2·Σ p·y + ε) / (Σ p + Σ y + ε),  ε = {@value #SMOOTHING}
 *   dice   = (1/B) · Σ_n (1 − Dice_n)
 *   bce    = 1/(B·P) · Σ [w₊·y·softplus(−z) + (1 − y)·softplus(z)]     (softplus(−z) = −log p)
 *   d dice/dz_i = −(1/B) · (2·y_i·(U + ε) − (2·I + ε)) / (U + ε)² · p_i·(1 − p_i),  I = Σ p·y, U = Σ p + Σ y
 *   d bce/dz_i  = 1/(B·P) · (w₊·y_i·(p_i − 1) + (1 − y_i)·p_i)
 * </pre>
 * The cross-entropy is computed from the logits (softplus), so it stays finite for saturated
 * outputs. A slice without lesion pixels has Dice ε/(Σ p + ε): it pulls the prediction to 0.
 *
 * <p>All terms are per slice, so the slices of a batch can be evaluated in several passes
 * (micro-batches): each pass uses the whole batch's B, and the passes' losses and gradients add
 * up to the batch's.
 */
final class DiceBceLoss {
  /** Added to the numerator and denominator of each slice's Dice. */
  static final double SMOOTHING = 1.0;

  private final double diceWeight;
  private final double bceWeight;
  private final double positiveWeight;
  private final int plane;
  private final Map<Long, INDArray> gradients = new HashMap<>();
  private float[] logits = new float[0];
  private float[] grad = new float[0];
  private double[] probabilities = new double[0];
  private INDArray gradient;

  /** The two terms of a pass, each already divided by the batch's normaliser (not yet weighted). */
  record Terms(double dice, double bce) {}

  /** @param plane pixels per slice */
  DiceBceLoss(SegmentationConfig config, int plane) {
    this.diceWeight = config.diceWeight();
    this.bceWeight = config.bceWeight();
    this.positiveWeight = config.positiveWeight();
    this.plane = plane;
  }

  /**
   * Evaluates slices {@code first .. first + n − 1} of a batch of {@code batch} slices.
   *
   * @param logitsNhwc [n, S, S, 1] network output
   * @param labels [batch, S, S] labels in [0, 1] of the whole batch, x fastest
   * @return the pass's terms; {@link #gradient()} then holds d(diceWeight·dice + bceWeight·bce)/d(logits)
   */
  Terms evaluate(INDArray logitsNhwc, float[] labels, int first, int batch) {
    int n = Math.toIntExact(logitsNhwc.length());
    if (logits.length < n) {
      logits = new float[n];
      grad = new float[n];
      probabilities = new double[n];
    }
    logitsNhwc.data().asNioFloat().get(0, logits, 0, n);
    double bceScale = bceWeight / ((double) batch * plane);
    double diceSum = 0;
    double bceSum = 0;
    for (int s = 0; s < n / plane; s++) {
      int base = s * plane;
      int labelBase = (first + s) * plane;
      double intersection = 0;
      double union = 0;
      for (int i = 0; i < plane; i++) {
        double z = logits[base + i];
        double y = labels[labelBase + i];
        double p = Logistic.sigmoid(z);
        probabilities[base + i] = p;
        intersection += p * y;
        union += p + y;
        double softplus = Logistic.softplus(z); // softplus(−z) = softplus(z) − z
        bceSum += positiveWeight * y * (softplus - z) + (1 - y) * softplus;
        grad[base + i] = (float) (bceScale * (positiveWeight * y * (p - 1) + (1 - y) * p));
      }
      double denominator = union + SMOOTHING;
      double numerator = 2 * intersection + SMOOTHING;
      diceSum += 1 - numerator / denominator;
      double diceScale = -diceWeight / batch / (denominator * denominator);
      for (int i = 0; i < plane; i++) {
        double p = probabilities[base + i];
        double y = labels[labelBase + i];
        grad[base + i] += (float) (diceScale * (2 * y * denominator - numerator) * p * (1 - p));
      }
    }
    gradient = gradients.computeIfAbsent(logitsNhwc.length(), k -> Nd4j.create(DataType.FLOAT, logitsNhwc.shape()));
    gradient.data().asNioFloat().put(0, grad, 0, n);
    return new Terms(diceSum / batch, bceSum / ((double) batch * plane));
  }

  /** d(loss)/d(logits) of the last {@link #evaluate}, shaped like its logits. */
  INDArray gradient() {
    return gradient;
  }
}
