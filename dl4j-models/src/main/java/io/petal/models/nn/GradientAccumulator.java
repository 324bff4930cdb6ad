package io.petal.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sums the gradients of the passes (micro-batches) of one optimizer step, so that a batch split
 * into passes gets the update of the whole batch.
 *
 * <p>Every backward pass overwrites the store's gradient vector; call {@link #afterPass} after each
 * one. After the last pass the store's gradient vector holds the sum over all passes. A single
 * pass costs nothing; several cost one copy of the gradient vector per pass.
 */
public final class GradientAccumulator {
  private final ParameterStore store;
  private INDArray sum;

  public GradientAccumulator(ParameterStore store) {
    this.store = store;
  }

  /**
   * @param pass index of the pass whose backward has just run, 0-based
   * @param passes number of passes of this step
   */
  public void afterPass(int pass, int passes) {
    if (pass < 0 || pass >= passes) {
      throw new IllegalArgumentException("pass " + pass + " is not in 0.." + (passes - 1));
    }
    if (passes == 1) {
      return;
    }
    INDArray g = store.gradients();
    if (pass == 0) {
      if (sum == null) {
        sum = g.ulike();
      }
      sum.assign(g);
    } else if (pass < passes - 1) {
      sum.addi(g);
    } else {
      g.addi(sum);
    }
  }
}
