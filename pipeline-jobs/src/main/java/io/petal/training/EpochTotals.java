package io.petal.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running sums of one epoch over its rounds: steps, slices, losses, and the time of the slowest
 * worker's training steps per round (the compute on the critical path).
 */
final class EpochTotals {
  private final List<String> terms;
  private final double[] sums;
  private long steps;
  private long slices;
  private long criticalNanos;

  EpochTotals(List<String> terms) {
    this.terms = terms;
    this.sums = new double[terms.size() + 1];
  }

  void add(List<WorkerResult> results) {
    long slowest = 0;
    for (WorkerResult r : results) {
      slowest = Math.max(slowest, r.nanos());
      steps += r.steps();
      slices += r.slices();
      for (int t = 0; t < r.lossSums().length; t++) {
        sums[t] += r.lossSums()[t];
      }
    }
    criticalNanos += slowest;
  }

  long slices() {
    return slices;
  }

  /** Mean total loss per step so far (NaN before the first step). */
  double meanLoss() {
    return steps == 0 ? Double.NaN : sums[0] / steps;
  }

  ModelCard.EpochRecord record(int epoch, double seconds, Map<String, Double> validation, String checkpoint) {
    double n = Math.max(1, steps);
    Map<String, Double> byTerm = new LinkedHashMap<>();
    for (int t = 0; t < terms.size(); t++) {
      byTerm.put(terms.get(t), sums[t + 1] / n);
    }
    return new ModelCard.EpochRecord(epoch, sums[0] / n, byTerm, slices, seconds, seconds > 0 ? slices / seconds : 0,
        criticalNanos / 1e9, validation, checkpoint);
  }
}
