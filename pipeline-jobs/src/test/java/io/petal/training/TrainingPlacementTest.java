package io.petal.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.testing.TestSpark;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class TrainingPlacementTest {
  private static final JavaSparkContext SC = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
  private static final List<String> KEYS = List.of("e", "a", "d", "b", "c");

  private static List<List<String>> placed(List<String> input, int inputPartitions, int workers) {
    JavaRDD<String> rdd = SC.parallelize(input, inputPartitions);
    return TrainingPlacement.place(rdd, KEYS, workers, s -> s).glom().collect();
  }

  @Test
  void sortedKeysAreDealtRoundRobinWhateverTheInputOrderAndPartitioning() {
    List<List<String>> expected = List.of(List.of("a", "c", "e"), List.of("b", "d"));
    assertEquals(expected, placed(List.of("e", "a", "d", "b", "c"), 1, 2));
    assertEquals(expected, placed(List.of("c", "b", "a", "e", "d"), 3, 2));
    assertEquals(expected, placed(List.of("d", "e", "c", "a", "b"), 5, 2));
  }

  @Test
  void moreWorkersThanStudiesLeaveTheLastWorkersEmpty() {
    assertEquals(List.of(List.of("a"), List.of("c"), List.of()), placedSubset(List.of("c", "a"), 3));
  }

  private static List<List<String>> placedSubset(List<String> input, int workers) {
    return TrainingPlacement.place(SC.parallelize(input, 2), input, workers, s -> s).glom().collect();
  }
}
