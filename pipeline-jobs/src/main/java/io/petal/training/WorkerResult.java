package io.petal.training;

import java.io.Serializable;

/**
 * What one worker (one Spark partition) returns from one averaging round.
 *
 * @param state the worker's model after its steps (null when it took none)
 * @param steps optimizer steps taken this round
 * @param slices training slices seen this round
 * @param lossSum sum over steps of the total loss (normalised units)
 * @param petLossSum sum over steps of the PET term
 * @param ctLossSum sum over steps of the CT term
 * @param nanos time spent in training steps, ns
 */
public record WorkerResult(ModelState state, int steps, long slices, double lossSum, double petLossSum,
    double ctLossSum, long nanos) implements Serializable {

  /** A worker with nothing left to train on in this round. */
  public static WorkerResult idle() {
    return new WorkerResult(null, 0, 0, 0, 0, 0, 0);
  }
}
