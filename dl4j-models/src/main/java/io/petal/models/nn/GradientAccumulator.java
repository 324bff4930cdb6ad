package io.petal.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Sums the gradients of the passes (micro-batches) of one optimizer step, so that a batch split
 * into passes gets the update of the whole batch.
 *
 * <p>Every backward pass overwrites the store's gradient vector; call {@link #afterPass} after each
 * one. After the last pass the store's gradient vector holds the sum over all passes. A single
 * pass costs nothing; several cost one copy of the gradient vector per pass.
 *
 * <p>An accumulator can also cover one range of the store (e.g. one of two networks sharing a
 * store and an optimizer, whose backward passes run at different times): see
 * {@link #GradientAccumulator(ParameterStore, long, long)}.
 */
public final class GradientAccumulator {
  private final INDArray gradients;
  private INDArray sum;

  /** Sums the whole gradient vector of {@code store}. */
  public GradientAccumulator(ParameterStore store) {
    this.gradients = store.gradients();
  }

  /** Sums only the store's gradient elements {@code from .. to − 1} (flat order). */
  public GradientAccumulator(ParameterStore store, long from, long to) {
    if (from < 0 || to <= from || to > store.size()) {
      throw new IllegalArgumentException("gradient range " + from + ".." + to + " is not within the store's " + store.size());
    }
    this.gradients = store.gradients().get(NDArrayIndex.interval(from, to));
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
    INDArray g = gradients;
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
