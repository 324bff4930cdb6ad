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
 * <p>For slice n with logits z, probabilities p = σ(z), labels y ∈ [0, 1], P pixels per slice,
 * B slices in the batch and B₊ of them with at least one lesion pixel (Σ y > 0):
 * <pre>
 *   Dice_n = (2·Σ p·y + ε) / (Σ p + Σ y + ε),  ε = {@value #SMOOTHING}
 *   dice   = (1/B₊) · Σ_{n: Σy>0} (1 − Dice_n)          (0 when B₊ = 0)
 *   bce    = 1/(B·P) · Σ [w₊·y·softplus(−z) + (1 − y)·softplus(z)]     (softplus(−z) = −log p)
 *   d dice/dz_i = −(1/B₊) · (2·y_i·(U + ε) − (2·I + ε)) / (U + ε)² · p_i·(1 − p_i),  I = Σ p·y, U = Σ p + Σ y
 *   d bce/dz_i  = 1/(B·P) · (w₊·y_i·(p_i − 1) + (1 − y_i)·p_i)
 * </pre>
 * The cross-entropy is computed from the logits (softplus), so it stays finite for saturated
 * outputs. Slices without lesion pixels are left to the cross-entropy: their soft Dice would be
 * ε/(Σ p + ε), which a diffuse 10⁻³ over a 128 × 128 slice already drives to 0.06 (loss 0.94),
 * so half a batch of lesion-free slices pinned every probability near 0 and the lesions were
 * learnt only after many epochs (measured: validation Dice 0.0007 after two epochs of 3,453
 * slices with that term, on the synthetic cohort of {@code benchmarks/segmentation_acceptance.sh}).
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
    int positiveSlices = slicesWithLesion(labels, batch);
    double diceSum = 0;
    double bceSum = 0;
    for (int s = 0; s < n / plane; s++) {
      int base = s * plane;
      int labelBase = (first + s) * plane;
      double intersection = 0;
      double union = 0;
      double lesion = 0;
      for (int i = 0; i < plane; i++) {
        double z = logits[base + i];
        double y = labels[labelBase + i];
        double p = Logistic.sigmoid(z);
        probabilities[base + i] = p;
        intersection += p * y;
        union += p + y;
        lesion += y;
        double softplus = Logistic.softplus(z); // softplus(−z) = softplus(z) − z
        bceSum += positiveWeight * y * (softplus - z) + (1 - y) * softplus;
        grad[base + i] = (float) (bceScale * (positiveWeight * y * (p - 1) + (1 - y) * p));
      }
      if (lesion == 0) {
        continue; // lesion-free slice (labels are ≥ 0): cross-entropy only
      }
      double denominator = union + SMOOTHING;
      double numerator = 2 * intersection + SMOOTHING;
      diceSum += 1 - numerator / denominator;
      double diceScale = -diceWeight / positiveSlices / (denominator * denominator);
      for (int i = 0; i < plane; i++) {
        double p = probabilities[base + i];
        double y = labels[labelBase + i];
        grad[base + i] += (float) (diceScale * (2 * y * denominator - numerator) * p * (1 - p));
      }
    }
    gradient = gradients.computeIfAbsent(logitsNhwc.length(), k -> Nd4j.create(DataType.FLOAT, logitsNhwc.shape()));
    gradient.data().asNioFloat().put(0, grad, 0, n);
    return new Terms(positiveSlices == 0 ? 0 : diceSum / positiveSlices, bceSum / ((double) batch * plane));
  }

  /** Slices of the batch's {@code labels} ([batch, S, S]) with at least one lesion pixel: B₊. */
  private int slicesWithLesion(float[] labels, int batch) {
    int n = 0;
    for (int s = 0; s < batch; s++) {
      n += hasLesion(labels, s * plane) ? 1 : 0;
    }
    return n;
  }

  private boolean hasLesion(float[] labels, int base) {
    for (int i = 0; i < plane; i++) {
      if (labels[base + i] > 0) {
        return true;
      }
    }
    return false;
  }

  /** d(loss)/d(logits) of the last {@link #evaluate}, shaped like its logits. */
  INDArray gradient() {
    return gradient;
  }
}
