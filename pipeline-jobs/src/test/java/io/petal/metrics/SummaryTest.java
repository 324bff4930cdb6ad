package io.petal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryTest {

  @Test
  void ninetyFivePercentTIntervalOfFiveValues() {
    // mean 3, sd sqrt(10/4), t(0.975, 4) = 2.7764451052 from tables: 3 ± 2.7764451052·sqrt(2.5/5)
    Summary s = Summary.of(1, 2, 3, 4, 5);
    double halfWidth = 2.7764451052 * Math.sqrt(2.5 / 5);
    assertEquals(3.0, s.mean(), 1e-12);
    assertEquals(Math.sqrt(2.5), s.sd(), 1e-12);
    assertEquals(3 - halfWidth, s.ciLow(), 1e-9);
    assertEquals(3 + halfWidth, s.ciHigh(), 1e-9);
    assertEquals(5, s.n());
  }

  @Test
  void undefinedValuesAreLeftOut() {
    assertEquals(Summary.of(1, 2, 3, 4, 5), Summary.of(1, Double.NaN, 2, 3, 4, Double.NaN, 5));
  }

  @Test
  void tooFewValuesHaveNoSpreadOrInterval() {
    Summary one = Summary.of(0.7);
    assertEquals(0.7, one.mean());
    assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()) && Double.isNaN(one.ciHigh()));
    Summary none = Summary.of(Double.NaN);
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.mean()));
  }

  @Test
  void anIntervalClippedToTheMetricsRangeKeepsEverythingElse() {
    // two false-negative volumes, 0 and 5 mL: 2.5 ± t(0.975, 1) · sqrt(12.5) / sqrt(2) reaches below 0 mL
    Summary raw = Summary.of(0, 5);
    double halfWidth = 12.7062047362 * Math.sqrt(12.5 / 2);
    assertEquals(2.5 - halfWidth, raw.ciLow(), 1e-9);
    Summary volume = raw.clippedTo(0, Double.POSITIVE_INFINITY);
    assertEquals(0.0, volume.ciLow(), 0);
    assertEquals(2.5 + halfWidth, volume.ciHigh(), 1e-9);
    assertEquals(new Summary(raw.mean(), raw.sd(), 0, raw.ciHigh(), 2), volume);
    Summary dice = Summary.of(0.9, 1.0).clippedTo(0, 1);
    assertEquals(1.0, dice.ciHigh(), 0, "Dice never exceeds 1");
    assertTrue(dice.ciLow() >= 0);
    Summary one = Summary.of(3).clippedTo(0, Double.POSITIVE_INFINITY);
    assertTrue(Double.isNaN(one.ciLow()) && Double.isNaN(one.ciHigh()), "no interval stays no interval");
    assertEquals(Summary.of(1, 2, 3, 4, 5), Summary.of(1, 2, 3, 4, 5).clippedTo(0, 10), "inside the range: unchanged");
  }

  /** Two-sided quantiles from printed t tables. */
  @ParameterizedTest(name = "t({0}, df {1}) = {2}")
  @CsvSource({"0.975, 1, 12.7062047362", "0.975, 2, 4.3026527297", "0.975, 10, 2.2281388520",
      "0.975, 30, 2.0422724563", "0.995, 5, 4.0321429836", "0.95, 1000, 1.6463788172", "0.025, 4, -2.7764451052"})
  void tQuantilesMatchTables(double p, double df, double expected) {
    assertEquals(expected, StudentT.quantile(p, df), 1e-9);
  }

  @Test
  void mergedAccumulatorsEqualOne() {
    SplittableRandom rng = new SplittableRandom(4);
    MomentAccumulator whole = new MomentAccumulator();
    MomentAccumulator[] parts = {new MomentAccumulator(), new MomentAccumulator(), new MomentAccumulator()};
    for (int i = 0; i < 1000; i++) {
      double v = i % 97 == 0 ? Double.NaN : 1e6 + rng.nextGaussian();
      whole.add(v);
      parts[i % 3].add(v);
    }
    MomentAccumulator merged = new MomentAccumulator().merge(parts[0]).merge(parts[1]).merge(parts[2]);
    Summary a = whole.summary(0.9);
    Summary b = merged.summary(0.9);
    assertEquals(a.n(), b.n());
    assertEquals(whole.undefinedCount(), merged.undefinedCount());
    assertEquals(a.mean(), b.mean(), 1e-9);
    assertEquals(a.sd(), b.sd(), 1e-9);
    assertEquals(1.0, a.sd(), 0.1, "unit Gaussian around 1e6 keeps its spread");
    assertEquals(a.ciLow(), b.ciLow(), 1e-9);
  }
}
