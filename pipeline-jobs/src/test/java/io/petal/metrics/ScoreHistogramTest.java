package io.petal.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreHistogramTest {

  /** Positive scores, negative scores, AUROC counted by hand over all pairs (ties half). */
  static Stream<Arguments> handCheckedAuroc() {
    return Stream.of(
        Arguments.of("perfect", new float[] {3, 4}, new float[] {1, 2}, 1.0),
        Arguments.of("inverted", new float[] {1, 2}, new float[] {3, 4}, 0.0),
        Arguments.of("all tied", new float[] {0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}, 0.5),
        // pairs: 0.8 beats 0.5 and 0.2 (2); each 0.5 ties 0.5 (0.5) and beats 0.2 (1) -> 5/6
        Arguments.of("ties", new float[] {0.8f, 0.5f, 0.5f}, new float[] {0.5f, 0.2f}, 5.0 / 6),
        // -1e-30 beats -1e30, loses to 0; 1e30 beats both -> 3/4
        Arguments.of("wide range and signs", new float[] {-1e-30f, 1e30f}, new float[] {-1e30f, 0f}, 0.75),
        Arguments.of("signed zeros tie", new float[] {-0f}, new float[] {0f}, 0.5),
        Arguments.of("infinities", new float[] {Float.POSITIVE_INFINITY, 1f},
            new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}, (1 + 0.5 + 1 + 0) / 4.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handCheckedAuroc")
  void aurocMatchesHandCount(String name, float[] pos, float[] neg, double expected) {
    Labelled s = Labelled.of(pos, neg);
    assertEquals(expected, ExactAuroc.auroc(s.scores, s.positive), 1e-12, "exact");
    AurocEstimate est = new ScoreHistogram().add(s.scores, s.positive).auroc();
    assertEquals(expected, est.value(), 1e-12, "sketch");
    assertEquals(0.0, est.errorBound(), "distinct values in distinct bins, ties single-valued");
    assertEquals(pos.length, est.positives());
    assertEquals(neg.length, est.negatives());
  }

  @Test
  void distinctScoresSharingABinCountHalfAndWidenTheBound() {
    float low = 1f;
    float high = Math.nextUp(1f); // same bin at any m < 23
    ScoreHistogram h = new ScoreHistogram().add(high, true).add(low, false).add(3f, true).add(0f, false);
    // exact: 4 of 4 pairs won; sketch: the (high, low) pair counts half -> 3.5/4, bound 1/(2*4)
    assertEquals(1.0, ExactAuroc.auroc(new float[] {high, low, 3f, 0f}, new boolean[] {true, false, true, false}));
    AurocEstimate est = h.auroc();
    assertEquals(3.5 / 4, est.value(), 1e-12);
    assertEquals(1.0 / 8, est.errorBound(), 1e-12);
    assertEquals(1.0, est.upperLimit(), 1e-12);
  }

  /** Positive scores, negative scores, average precision by hand from the highest score down. */
  static Stream<Arguments> handCheckedAveragePrecision() {
    return Stream.of(
        // 0.9 P (recall 1/2, precision 1), 0.8 N, 0.7 P (recall 1, precision 2/3)
        Arguments.of("distinct", new float[] {0.9f, 0.7f}, new float[] {0.8f, 0.1f}, 0.5 + 0.5 * 2 / 3.0),
        // 0.9 P (1/2, 1); the 0.5 group is one threshold: recall 1, precision 2/4
        Arguments.of("tied group", new float[] {0.9f, 0.5f}, new float[] {0.5f, 0.5f}, 0.5 + 0.5 * 2 / 4.0),
        Arguments.of("perfect", new float[] {5, 6}, new float[] {1, 2}, 1.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handCheckedAveragePrecision")
  void averagePrecisionMatchesHandCount(String name, float[] pos, float[] neg, double expected) {
    Labelled s = Labelled.of(pos, neg);
    assertEquals(expected, ExactAuroc.averagePrecision(s.scores, s.positive), 1e-12, "exact");
    assertEquals(expected, new ScoreHistogram().add(s.scores, s.positive).averagePrecision(), 1e-12);
  }

  @Test
  void curvesListEveryThresholdFromTheTop() {
    Labelled s = Labelled.of(new float[] {0.9f, 0.7f}, new float[] {0.8f, 0.1f});
    ScoreHistogram h = new ScoreHistogram(23).add(s.scores, s.positive);
    List<CurvePoint> roc = h.rocCurve(100);
    assertArrayEquals(new double[] {0, 0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1}, xy(roc), 1e-12);
    assertTrue(Float.isNaN(roc.get(0).threshold()));
    assertEquals(0.8f, roc.get(2).threshold());
    List<CurvePoint> pr = h.precisionRecallCurve(100);
    assertArrayEquals(new double[] {0.5, 1, 0.5, 0.5, 1, 2 / 3.0, 1, 0.5}, xy(pr), 1e-12);
    assertEquals(0.1f, pr.get(3).threshold());
  }

  @Test
  void downsampledCurvesKeepBothEndsAndStayMonotone() {
    Labelled s = twoOverlappingDistributions(200_000, 3);
    ScoreHistogram h = new ScoreHistogram().add(s.scores, s.positive);
    List<CurvePoint> full = h.rocCurve(Integer.MAX_VALUE);
    assertTrue(full.size() > 1000, "enough bins to downsample: " + full.size());
    assertEquals(h.auroc().value(), trapezoidArea(full), 1e-12, "the full curve's area is the AUROC");
    List<CurvePoint> roc = h.rocCurve(50);
    // targets skipped where the full curve jumps (the tie at 0 holds 30 % of the negatives)
    assertTrue(roc.size() <= 50 && roc.size() >= 25, "points: " + roc.size());
    assertEquals(new CurvePoint(0, 0, Float.NaN).x(), roc.get(0).x());
    assertEquals(1.0, roc.get(roc.size() - 1).x());
    assertEquals(1.0, roc.get(roc.size() - 1).y());
    for (int t = 1; t < roc.size(); t++) {
      assertTrue(roc.get(t).x() >= roc.get(t - 1).x() && roc.get(t).y() >= roc.get(t - 1).y());
      assertTrue(roc.get(t).threshold() < roc.get(t - 1).threshold() || t == 1);
    }
    assertEquals(h.auroc().value(), trapezoidArea(roc), 2e-3, "a 50-point curve still has the area");
    List<CurvePoint> pr = h.precisionRecallCurve(50);
    assertTrue(pr.size() <= 50);
    assertEquals(1.0, pr.get(pr.size() - 1).x());
  }

  @Test
  void tenMillionScoresMatchTheExactAurocWithinTheStatedBound() {
    int n = 10_000_000;
    Labelled s = twoOverlappingDistributions(n, 2024);
    ScoreHistogram h = new ScoreHistogram().add(s.scores, s.positive);
    AurocEstimate est = h.auroc();
    double exact = ExactAuroc.auroc(s.scores, s.positive);
    double error = Math.abs(est.value() - exact);
    assertTrue(error <= 1e-4, "sketch " + est.value() + " exact " + exact);
    assertTrue(error <= est.errorBound(), "error " + error + " above bound " + est.errorBound());
    assertTrue(est.errorBound() < 1e-3, "bound " + est.errorBound());
    assertTrue(exact > 0.6 && exact < 0.8, "overlapping classes: " + exact);
    assertEquals(n, est.positives() + est.negatives());
    double exactAp = ExactAuroc.averagePrecision(s.scores, s.positive);
    assertEquals(exactAp, h.averagePrecision(), 1e-4, "average precision");
  }

  @Test
  void mergedShardsEqualOneHistogram() throws Exception {
    Labelled s = twoOverlappingDistributions(1_000_000, 77);
    ScoreHistogram whole = new ScoreHistogram().add(s.scores, s.positive);
    ScoreHistogram merged = new ScoreHistogram();
    int shards = 7;
    for (int k = 0; k < shards; k++) {
      ScoreHistogram shard = new ScoreHistogram();
      for (int i = k; i < s.scores.length; i += shards) {
        shard.add(s.scores[i], s.positive[i]);
      }
      merged.merge(roundTrip(shard)); // as Spark ships partial aggregates between executors
    }
    assertSameBins(whole.nonEmptyBins(), merged.nonEmptyBins());
    assertEquals(whole.auroc(), merged.auroc());
    assertEquals(whole.averagePrecision(), merged.averagePrecision());
  }

  @Test
  void mergingKeepsABinSingleValuedOnlyWhenBothSidesHoldTheSameValue() {
    ScoreHistogram a = new ScoreHistogram().add(1f, true).add(2f, false);
    ScoreHistogram b = new ScoreHistogram().add(1f, false).add(Math.nextUp(2f), true);
    AurocEstimate est = a.merge(b).auroc();
    // bin of 1: one pos, one neg, single-valued (exact tie); bin of 2: mixed values, 1 pos x 1 neg
    assertEquals(1.0 / 8, est.errorBound(), 1e-12);
    assertEquals((0.5 + 0 + 1 + 0.5) / 4, est.value(), 1e-12);
  }

  @Test
  void emptyClassesLeaveTheMetricsUndefined() {
    ScoreHistogram onlyNegatives = new ScoreHistogram().add(1f, false);
    assertFalse(onlyNegatives.auroc().isDefined());
    assertTrue(Double.isNaN(onlyNegatives.auroc().value()));
    assertTrue(Double.isNaN(onlyNegatives.averagePrecision()));
    assertTrue(onlyNegatives.rocCurve(10).isEmpty());
    assertTrue(onlyNegatives.precisionRecallCurve(10).isEmpty());
  }

  @Test
  void badInputIsRefusedWithItsReason() {
    ScoreHistogram h = new ScoreHistogram();
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> h.add(new float[] {1f, Float.NaN}, new byte[] {0, 1}));
    assertTrue(nan.getMessage().contains("score 1 of 2 is NaN"), nan.getMessage());
    assertThrows(IllegalArgumentException.class, () -> h.add(Float.NaN, true));
    assertThrows(IllegalArgumentException.class, () -> h.add(new float[2], new float[3]));
    assertThrows(IllegalArgumentException.class, () -> h.merge(new ScoreHistogram(8)));
    assertThrows(IllegalArgumentException.class, () -> h.rocCurve(1));
  }

  @Test
  void labelArraysOfEveryTypeCountNonZeroAsPositive() {
    float[] scores = {0.1f, 0.9f, 0.4f};
    AurocEstimate fromBytes = new ScoreHistogram().add(scores, new byte[] {0, 1, 0}).auroc();
    AurocEstimate fromFloats = new ScoreHistogram().add(scores, new float[] {0, 2, 0}).auroc();
    AurocEstimate fromBooleans = new ScoreHistogram().add(scores, new boolean[] {false, true, false}).auroc();
    assertEquals(1.0, fromBytes.value());
    assertEquals(fromBytes, fromFloats);
    assertEquals(fromBytes, fromBooleans);
  }

  /**
   * Scores of two overlapping classes (about 20 % positive): 30 % exactly 0 and 10 % on a
   * 0.25 grid (heavy exact ties), the rest log-normal over ~14 decades (σ = 4 in ln), 5 %
   * of them negative.
   */
  static Labelled twoOverlappingDistributions(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] scores = new float[n];
    boolean[] positive = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean pos = rng.nextDouble() < 0.2;
      double u = rng.nextDouble();
      double shift = pos ? 1.5 : 0;
      float score;
      if (u < (pos ? 0.2 : 0.3)) {
        score = 0f;
      } else if (u < 0.4) {
        score = (float) (Math.floor(rng.nextDouble(0, 40) + 4 * shift) / 4);
      } else {
        score = (float) Math.exp(shift + 4 * rng.nextGaussian());
        if (rng.nextDouble() < 0.05) {
          score = -score;
        }
      }
      scores[i] = score;
      positive[i] = pos;
    }
    return new Labelled(scores, positive);
  }

  private static double trapezoidArea(List<CurvePoint> roc) {
    double area = 0;
    for (int t = 1; t < roc.size(); t++) {
      area += (roc.get(t).x() - roc.get(t - 1).x()) * (roc.get(t).y() + roc.get(t - 1).y()) / 2;
    }
    return area;
  }

  private static double[] xy(List<CurvePoint> points) {
    return points.stream().flatMapToDouble(p -> Stream.of(p.x(), p.y()).mapToDouble(Double::doubleValue)).toArray();
  }

  private static void assertSameBins(BinnedScores a, BinnedScores b) {
    assertEquals(a.size(), b.size());
    for (int g = 0; g < a.size(); g++) {
      assertEquals(a.lowerEdge(g), b.lowerEdge(g));
      assertEquals(a.positives(g), b.positives(g));
      assertEquals(a.negatives(g), b.negatives(g));
      assertEquals(a.singleValued(g), b.singleValued(g));
    }
  }

  private static ScoreHistogram roundTrip(ScoreHistogram h) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(h);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ScoreHistogram) in.readObject();
    }
  }

  record Labelled(float[] scores, boolean[] positive) {
    static Labelled of(float[] pos, float[] neg) {
      float[] scores = new float[pos.length + neg.length];
      boolean[] positive = new boolean[scores.length];
      for (int i = 0; i < pos.length; i++) {
        scores[i] = pos[i];
        positive[i] = true;
      }
      System.arraycopy(neg, 0, scores, pos.length, neg.length);
      return new Labelled(scores, positive);
    }
  }
}
