package io.petal.metrics;

import java.util.Arrays;

/**
 * Exact AUROC and average precision by sorting all scores: the reference that
 * {@link ScoreHistogram} is tested against. Memory is 8 bytes per score and time
 * O(n log n), so this is for tests and small sets, not for a cohort's voxels.
 *
 * <p>AUROC is the Mann-Whitney statistic with tied scores given their average rank:
 * {@code (R₊ − P(P+1)/2) / (P·N)} with {@code R₊} the rank sum of the positives, i.e. the
 * probability that a random positive outscores a random negative, ties counting half.
 * -0.0 and +0.0 are tied; NaN scores are refused. The rank sum is a double: exact below about
 * 9·10^7 scores (n(n+1) < 2^53), with a relative rounding error near 1e-16 beyond.
 */
public final class ExactAuroc {
  private ExactAuroc() {}

  /** AUROC of {@code scores[i]} labelled {@code positive[i]}; NaN without positives or negatives. */
  public static double auroc(float[] scores, boolean[] positive) {
    long[] sorted = sortedKeys(scores, positive);
    long p = 0;
    double positiveRankSum = 0;
    for (int start = 0; start < sorted.length; ) {
      int end = tieGroupEnd(sorted, start);
      long groupPositives = 0;
      for (int t = start; t < end; t++) {
        groupPositives += sorted[t] & 1;
      }
      double midRank = (start + 1 + end) / 2.0; // ranks start+1 .. end
      positiveRankSum += groupPositives * midRank;
      p += groupPositives;
      start = end;
    }
    long n = sorted.length - p;
    if (p == 0 || n == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - p * (p + 1) / 2.0) / ((double) p * n);
  }

  /**
   * Average precision {@code Σ (R_t − R_{t−1})·P_t} over the distinct scores t from the highest
   * down (each tied group is one threshold, as in scikit-learn); NaN without positives.
   */
  public static double averagePrecision(float[] scores, boolean[] positive) {
    long[] sorted = sortedKeys(scores, positive);
    long p = 0;
    for (long key : sorted) {
      p += key & 1;
    }
    if (p == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long called = 0;
    long tp = 0;
    for (int end = sorted.length; end > 0; ) {
      int start = tieGroupStart(sorted, end);
      long groupPositives = 0;
      for (int t = start; t < end; t++) {
        groupPositives += sorted[t] & 1;
      }
      called += end - start;
      tp += groupPositives;
      ap += (double) groupPositives / p * ((double) tp / called);
      end = start;
    }
    return ap;
  }

  /** Score key in the upper 32 bits (ordered like the floats), label in bit 0; sorted. */
  private static long[] sortedKeys(float[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
    }
    long[] keys = new long[scores.length];
    for (int i = 0; i < scores.length; i++) {
      if (Float.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " of " + scores.length + " is NaN");
      }
      keys[i] = ((long) FloatBinning.sortableKey(scores[i]) << 32) | (positive[i] ? 1 : 0);
    }
    Arrays.parallelSort(keys);
    return keys;
  }

  private static int tieGroupEnd(long[] sorted, int start) {
    int end = start + 1;
    while (end < sorted.length && sorted[end] >> 32 == sorted[start] >> 32) {
      end++;
    }
    return end;
  }

  private static int tieGroupStart(long[] sorted, int end) {
    int start = end - 1;
    while (start > 0 && sorted[start - 1] >> 32 == sorted[end - 1] >> 32) {
      start--;
    }
    return start;
  }
}
