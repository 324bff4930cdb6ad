package io.petal.metrics;

/**
 * Score groups in ascending score order, each with its positive and negative counts: the
 * non-empty bins of a {@link ScoreHistogram}. A group is "single-valued" when all its scores are
 * the same float (its ties are exact).
 */
final class BinnedScores {
  private final float[] lowerEdges;
  private final long[] positives;
  private final long[] negatives;
  private final boolean[] singleValued;
  private int size;

  BinnedScores(int capacity) {
    lowerEdges = new float[capacity];
    positives = new long[capacity];
    negatives = new long[capacity];
    singleValued = new boolean[capacity];
  }

  void append(float lowerEdge, long positive, long negative, boolean single) {
    lowerEdges[size] = lowerEdge;
    positives[size] = positive;
    negatives[size] = negative;
    singleValued[size] = single;
    size++;
  }

  int size() {
    return size;
  }

  /** Smallest score group {@code g} can hold. */
  float lowerEdge(int g) {
    return lowerEdges[g];
  }

  long positives(int g) {
    return positives[g];
  }

  long negatives(int g) {
    return negatives[g];
  }

  boolean singleValued(int g) {
    return singleValued[g];
  }

  long totalPositives() {
    long s = 0;
    for (int g = 0; g < size; g++) {
      s += positives[g];
    }
    return s;
  }

  long totalNegatives() {
    long s = 0;
    for (int g = 0; g < size; g++) {
      s += negatives[g];
    }
    return s;
  }
}
