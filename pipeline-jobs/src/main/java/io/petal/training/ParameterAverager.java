package io.petal.training;

import java.util.List;

/**
 * Synchronous parameter averaging: the new global state is the mean of the workers' states,
 * each weighted by the steps it took this round (workers that took none do not count). Adam's
 * moments are averaged the same way; the step count becomes the largest one.
 */
public final class ParameterAverager {
  private ParameterAverager() {}

  /** The average of {@code results}, or {@code previous} when no worker took a step. */
  public static ModelState average(ModelState previous, List<WorkerResult> results) {
    long totalSteps = 0;
    for (WorkerResult r : results) {
      totalSteps += r.steps();
    }
    if (totalSteps == 0) {
      return previous;
    }
    double[] params = new double[previous.params().length];
    double[] optimizer = new double[previous.optimizer().length];
    int iteration = previous.iteration();
    for (WorkerResult r : results) {
      if (r.steps() == 0) {
        continue;
      }
      double w = r.steps() / (double) totalSteps;
      accumulate(params, r.state().params(), w);
      accumulate(optimizer, r.state().optimizer(), w);
      iteration = Math.max(iteration, r.state().iteration());
    }
    return new ModelState(toFloats(params), toFloats(optimizer), iteration);
  }

  private static void accumulate(double[] sum, float[] values, double weight) {
    if (values.length != sum.length) {
      throw new IllegalArgumentException("a worker returned " + values.length + " values, expected " + sum.length);
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] += weight * values[i];
    }
  }

  private static float[] toFloats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
