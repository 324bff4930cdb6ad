package io.petal.models;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weighted pixel loss of one reconstruction, and its gradient.
 *
 * <p>With weights w (body mask, possibly up-weighting hidden pixels) and d = output − target:
 * MSE = Σ w·d² / Σ w, gradient 2·w·d / Σ w; L1 = Σ w·|d| / Σ w, gradient w·sign(d) / Σ w.
 * A batch with Σ w = 0 has loss 0 and gradient 0. The gradient is multiplied by {@code scale}
 * (the term's weight in the total loss); the returned loss is not.
 */
final class ReconstructionLoss {
  private final AutoencoderConfig.Loss kind;
  private final double scale;
  private INDArray difference;
  private INDArray gradient;

  ReconstructionLoss(AutoencoderConfig.Loss kind, double scale) {
    this.kind = kind;
    this.scale = scale;
  }

  /**
   * @param output network output
   * @param target target, same shape
   * @param weight per-pixel weights ≥ 0, same shape
   * @param weightSum Σ weight
   * @return the loss; {@link #gradient()} then holds d(scale·loss)/d(output)
   */
  double evaluate(INDArray output, INDArray target, INDArray weight, double weightSum) {
    if (gradient == null || !Arrays.equals(gradient.shape(), output.shape())) {
      difference = Nd4j.create(DataType.FLOAT, output.shape());
      gradient = Nd4j.create(DataType.FLOAT, output.shape());
    }
    if (weightSum <= 0) {
      gradient.assign(0);
      return 0;
    }
    Nd4j.getExecutioner().exec(new SubOp(output, target, difference));
    if (kind == AutoencoderConfig.Loss.MSE) {
      Nd4j.getExecutioner().exec(new MulOp(difference, weight, gradient));
    } else {
      Nd4j.getExecutioner().exec(new Sign(difference, gradient));
      Nd4j.getExecutioner().exec(new MulOp(gradient, weight, gradient));
    }
    // w·d² (MSE) or w·sign(d)·d = w·|d| (L1), summed
    double loss = Nd4j.getExecutioner().exec(new Dot(gradient, difference)).getDouble(0) / weightSum;
    double factor = (kind == AutoencoderConfig.Loss.MSE ? 2.0 : 1.0) * scale / weightSum;
    gradient.muli(factor);
    return loss;
  }

  /** d(scale·loss)/d(output) of the last {@link #evaluate}. */
  INDArray gradient() {
    return gradient;
  }
}
