package io.petal.metrics;

import java.util.ArrayList;
import java.util.List;

/** AUROC, average precision and curves from score groups in ascending order ({@link BinnedScores}). */
final class BinnedRanking {
  private BinnedRanking() {}

  /**
   * {@code Σ_g pos_g·(neg below g + neg_g / 2) / (P·N)}; the error bound is
   * {@code Σ pos_g·neg_g / (2·P·N)} over groups that are not single-valued (inside such a group
   * the exact count of positive-above-negative pairs can be anything from 0 to pos_g·neg_g).
   */
  static AurocEstimate auroc(BinnedScores bins) {
    long p = bins.totalPositives();
    long n = bins.totalNegatives();
    if (p == 0 || n == 0) {
      return new AurocEstimate(Double.NaN, Double.NaN, p, n);
    }
    double wins = 0;
    double mixedPairs = 0;
    long negativesBelow = 0;
    for (int g = 0; g < bins.size(); g++) {
      double pos = bins.positives(g);
      double neg = bins.negatives(g);
      wins += pos * (negativesBelow + 0.5 * neg);
      if (!bins.singleValued(g)) {
        mixedPairs += pos * neg;
      }
      negativesBelow += bins.negatives(g);
    }
    double pairs = (double) p * (double) n;
    return new AurocEstimate(wins / pairs, 0.5 * mixedPairs / pairs, p, n);
  }

  /** {@code Σ (pos_g / P)·precision_g} over groups with positives, from the highest scores down. */
  static double averagePrecision(BinnedScores bins) {
    long p = bins.totalPositives();
    if (p == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long tp = 0;
    long fp = 0;
    for (int g = bins.size() - 1; g >= 0; g--) {
      tp += bins.positives(g);
      fp += bins.negatives(g);
      if (bins.positives(g) > 0) {
        ap += (double) bins.positives(g) / p * ((double) tp / (tp + fp));
      }
    }
    return ap;
  }

  static List<CurvePoint> rocCurve(BinnedScores bins, int maxPoints) {
    requireMaxPoints(maxPoints);
    long p = bins.totalPositives();
    long n = bins.totalNegatives();
    if (p == 0 || n == 0) {
      return List.of();
    }
    Cumulative c = Cumulative.descending(bins);
    double[] fpr = new double[c.length() + 1];
    double[] tpr = new double[c.length() + 1];
    float[] thresholds = new float[c.length() + 1];
    thresholds[0] = Float.NaN;
    for (int t = 0; t < c.length(); t++) {
      fpr[t + 1] = (double) c.falsePositives[t] / n;
      tpr[t + 1] = (double) c.truePositives[t] / p;
      thresholds[t + 1] = c.thresholds[t];
    }
    return downsample(fpr, tpr, thresholds, sum(fpr, tpr), maxPoints);
  }

  static List<CurvePoint> precisionRecallCurve(BinnedScores bins, int maxPoints) {
    requireMaxPoints(maxPoints);
    long p = bins.totalPositives();
    long n = bins.totalNegatives();
    if (p == 0) {
      return List.of();
    }
    Cumulative c = Cumulative.descending(bins);
    double[] recall = new double[c.length()];
    double[] precision = new double[c.length()];
    double[] progress = new double[c.length()];
    for (int t = 0; t < c.length(); t++) {
      recall[t] = (double) c.truePositives[t] / p;
      precision[t] = (double) c.truePositives[t] / (c.truePositives[t] + c.falsePositives[t]);
      progress[t] = recall[t] + (n == 0 ? 0 : (double) c.falsePositives[t] / n);
    }
    return downsample(recall, precision, c.thresholds, progress, maxPoints);
  }

  /**
   * At most {@code maxPoints} of the points, both ends included, chosen at even steps of the
   * non-decreasing {@code progress}: for each step target, the first point that reaches it.
   */
  private static List<CurvePoint> downsample(double[] x, double[] y, float[] thresholds,
      double[] progress, int maxPoints) {
    int last = x.length - 1;
    List<CurvePoint> out = new ArrayList<>(Math.min(x.length, maxPoints));
    if (x.length <= maxPoints) {
      for (int t = 0; t <= last; t++) {
        out.add(new CurvePoint(x[t], y[t], thresholds[t]));
      }
      return out;
    }
    double start = progress[0];
    double span = progress[last] - start;
    int previous = -1;
    int t = 0;
    for (int q = 0; q < maxPoints - 1; q++) {
      double target = start + span * q / (maxPoints - 1);
      while (t < last && progress[t] < target) {
        t++;
      }
      if (t != previous && t != last) {
        out.add(new CurvePoint(x[t], y[t], thresholds[t]));
        previous = t;
      }
    }
    out.add(new CurvePoint(x[last], y[last], thresholds[last]));
    return out;
  }

  private static double[] sum(double[] a, double[] b) {
    double[] s = new double[a.length];
    for (int t = 0; t < a.length; t++) {
      s[t] = a[t] + b[t];
    }
    return s;
  }

  private static void requireMaxPoints(int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("a curve needs at least 2 points, asked for " + maxPoints);
    }
  }

  /** True and false positives when every group from the highest down to group t is called positive. */
  private record Cumulative(long[] truePositives, long[] falsePositives, float[] thresholds) {
    static Cumulative descending(BinnedScores bins) {
      int len = bins.size();
      long[] tp = new long[len];
      long[] fp = new long[len];
      float[] thr = new float[len];
      long sumTp = 0;
      long sumFp = 0;
      for (int t = 0; t < len; t++) {
        int g = len - 1 - t;
        sumTp += bins.positives(g);
        sumFp += bins.negatives(g);
        tp[t] = sumTp;
        fp[t] = sumFp;
        thr[t] = bins.lowerEdge(g);
      }
      return new Cumulative(tp, fp, thr);
    }

    int length() {
      return truePositives.length;
    }
  }
}
