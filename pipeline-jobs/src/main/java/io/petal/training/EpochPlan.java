package io.petal.training;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which one worker visits its training samples in one epoch: every sample of every
 * study in the partition once, shuffled by (seed, epoch, partition), cut into batches (the last
 * one may be smaller).
 */
public final class EpochPlan {
  private final int[] study;
  private final int[] centre;
  private final int batchSize;

  /** @param samples per study of the partition, its sample centre slices */
  public EpochPlan(List<int[]> samples, long seed, int epoch, int partition, int batchSize) {
    int n = 0;
    for (int[] s : samples) {
      n += s.length;
    }
    study = new int[n];
    centre = new int[n];
    int i = 0;
    for (int s = 0; s < samples.size(); s++) {
      for (int c : samples.get(s)) {
        study[i] = s;
        centre[i++] = c;
      }
    }
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch * 7_919L + partition);
    for (int j = n - 1; j > 0; j--) {
      int k = random.nextInt(j + 1);
      swap(study, j, k);
      swap(centre, j, k);
    }
    this.batchSize = batchSize;
  }

  /** Number of samples. */
  public int samples() {
    return study.length;
  }

  /** Number of batches, the last possibly partial. */
  public int batches() {
    return (study.length + batchSize - 1) / batchSize;
  }

  /** Samples in batch {@code b}. */
  public int batchLength(int b) {
    return Math.min(batchSize, study.length - b * batchSize);
  }

  /** Study indices (in the partition's list) of batch {@code b}'s samples. */
  public int[] studies(int b) {
    return java.util.Arrays.copyOfRange(study, b * batchSize, b * batchSize + batchLength(b));
  }

  /** Centre slices of batch {@code b}'s samples. */
  public int[] centres(int b) {
    return java.util.Arrays.copyOfRange(centre, b * batchSize, b * batchSize + batchLength(b));
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
