package io.petal.models;

/**
 * Splits a batch into the fewest passes of at most {@code limit} samples, with sizes differing by
 * at most one (so a layer sees at most two tensor shapes).
 */
public record MicroBatches(int batch, int limit) {
  public MicroBatches {
    if (batch < 1 || limit < 1) {
      throw new IllegalArgumentException("batch and limit must be >= 1, got " + batch + ", " + limit);
    }
  }

  /** Number of passes. */
  public int count() {
    return (batch + limit - 1) / limit;
  }

  /** Samples in pass {@code k}. */
  public int size(int k) {
    return batch / count() + (k < batch % count() ? 1 : 0);
  }

  /** Index of the first sample of pass {@code k}. */
  public int first(int k) {
    int base = batch / count();
    return k * base + Math.min(k, batch % count());
  }
}
