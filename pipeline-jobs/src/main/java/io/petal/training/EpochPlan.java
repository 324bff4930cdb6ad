package io.petal.training;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which one worker visits its training slices in one epoch: every accepted centre
 * slice of every study in the partition once, shuffled by (seed, epoch, partition), cut into
 * batches (the last one may be smaller).
 */
public final class EpochPlan {
  private final int[] study;
  private final int[] centre;
  private final int batchSize;

  public EpochPlan(List<TrainingStudy> studies, long seed, int epoch, int partition, int batchSize) {
    int n = 0;
    for (TrainingStudy s : studies) {
      n += s.centres().length;
    }
    study = new int[n];
    centre = new int[n];
    int i = 0;
    for (int s = 0; s < studies.size(); s++) {
      for (int c : studies.get(s).centres()) {
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

  /** Number of samples (centre slices). */
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

  /** Study index (in the partition's list) of sample {@code j} of batch {@code b}. */
  public int study(int b, int j) {
    return study[b * batchSize + j];
  }

  /** Centre slice of sample {@code j} of batch {@code b}. */
  public int centre(int b, int j) {
    return centre[b * batchSize + j];
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
