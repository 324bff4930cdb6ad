package io.petal.training;

import java.util.List;

/**
 * Running sums of one epoch over its rounds: steps, slices, losses, and the time of the slowest
 * worker's training steps per round (the compute on the critical path).
 */
final class EpochTotals {
  private long steps;
  private long slices;
  private double loss;
  private double petLoss;
  private double ctLoss;
  private long criticalNanos;

  void add(List<WorkerResult> results) {
    long slowest = 0;
    for (WorkerResult r : results) {
      slowest = Math.max(slowest, r.nanos());
      steps += r.steps();
      slices += r.slices();
      loss += r.lossSum();
      petLoss += r.petLossSum();
      ctLoss += r.ctLossSum();
    }
    criticalNanos += slowest;
  }

  long slices() {
    return slices;
  }

  /** Mean loss per step so far (NaN before the first step). */
  double meanLoss() {
    return steps == 0 ? Double.NaN : loss / steps;
  }

  ModelCard.EpochRecord record(int epoch, double seconds, String checkpoint) {
    double n = Math.max(1, steps);
    return new ModelCard.EpochRecord(epoch, loss / n, petLoss / n, ctLoss / n, slices, seconds,
        seconds > 0 ? slices / seconds : 0, criticalNanos / 1e9, checkpoint);
  }
}
