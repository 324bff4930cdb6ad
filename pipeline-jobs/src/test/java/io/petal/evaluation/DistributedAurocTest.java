package io.petal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.metrics.AurocEstimate;
import io.petal.metrics.ExactAuroc;
import io.petal.testing.TestSpark;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The AUROC as {@link CohortScoring} aggregates it, {@link CohortMetrics} merged over Spark
 * partitions with {@code treeAggregate}, against an exact computation on 10 million scores that
 * overlap, tie heavily (a third of the negatives are exactly 0, as outside the body) and span
 * several orders of magnitude.
 */
class DistributedAurocTest {
  private static final int PARTITIONS = 20;
  private static final int PER_PARTITION = 500_000;

  /** Partition {@code p}'s scores; positive flags in {@code positive}. */
  private static float[] scores(int p, boolean[] positive) {
    Random r = new Random(1000L + p);
    float[] s = new float[PER_PARTITION];
    for (int i = 0; i < s.length; i++) {
      positive[i] = r.nextDouble() < 0.01;
      double x = r.nextGaussian() + (positive[i] ? 1.8 : 0);
      s[i] = !positive[i] && r.nextDouble() < 0.33 ? 0f : (float) Math.exp(x);
    }
    return s;
  }

  @Test
  void tenMillionScoresAggregatedOverPartitionsMatchTheExactAuroc() {
    SparkSession spark = TestSpark.session();
    CohortMetrics merged = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(IntStream.range(0, PARTITIONS).boxed().toList(), PARTITIONS)
        .treeAggregate(new CohortMetrics(), (m, p) -> {
          boolean[] positive = new boolean[PER_PARTITION];
          m.pixel().add(scores(p, positive), positive);
          return m;
        }, CohortMetrics::merge);
    float[] all = new float[PARTITIONS * PER_PARTITION];
    boolean[] labels = new boolean[all.length];
    for (int p = 0; p < PARTITIONS; p++) {
      boolean[] positive = new boolean[PER_PARTITION];
      System.arraycopy(scores(p, positive), 0, all, p * PER_PARTITION, PER_PARTITION);
      System.arraycopy(positive, 0, labels, p * PER_PARTITION, PER_PARTITION);
    }
    double exact = ExactAuroc.auroc(all, labels);
    AurocEstimate estimate = merged.pixel().auroc();
    assertEquals(all.length, estimate.positives() + estimate.negatives());
    assertEquals(exact, estimate.value(), 1e-4);
    assertTrue(Math.abs(exact - estimate.value()) <= estimate.errorBound(), estimate + " vs exact " + exact);
    assertTrue(estimate.errorBound() < 1e-3, "bound " + estimate.errorBound());
  }
}
