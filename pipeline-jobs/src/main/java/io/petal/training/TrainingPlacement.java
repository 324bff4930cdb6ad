package io.petal.training;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import scala.Tuple2;

/**
 * Which data-parallel worker (RDD partition) trains on which study, independent of the cluster:
 * the keys sorted and dealt round-robin to the workers, and each partition's studies in key
 * order. {@code repartition} would not do: it places elements from a random start per input
 * partition, and a shuffle hands a partition its rows in the order their blocks arrive (local
 * ones first), which depends on which executor ran which task - so two runs on a real cluster
 * trained on the same slices in different orders and ended with different weights.
 */
public final class TrainingPlacement {
  private TrainingPlacement() {}

  /**
   * @param keys every key the RDD may hold (others go to worker 0)
   * @param key the key of an element (unique per element)
   * @return {@code workers} partitions: partition {@code i} holds the elements whose key is at
   *     position {@code i}, {@code i + workers}, … of the sorted keys, in key order
   */
  public static <T> JavaRDD<T> place(JavaRDD<T> elements, Collection<String> keys, int workers, Function<T, String> key) {
    Slots slots = new Slots(keys, workers);
    return elements.mapToPair(e -> new Tuple2<>(key.call(e), e))
        .partitionBy(slots)
        .mapPartitions(it -> {
          List<Tuple2<String, T>> part = new ArrayList<>();
          it.forEachRemaining(part::add);
          part.sort(Comparator.comparing(Tuple2::_1));
          return part.stream().map(Tuple2::_2).iterator();
        }, true);
  }

  /** Sorted key → worker, round-robin. */
  private static final class Slots extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final Map<String, Integer> slot = new HashMap<>();
    private final int workers;

    Slots(Collection<String> keys, int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, got " + workers);
      }
      this.workers = workers;
      List<String> sorted = keys.stream().distinct().sorted().toList();
      for (int i = 0; i < sorted.size(); i++) {
        slot.put(sorted.get(i), i % workers);
      }
    }

    @Override
    public int numPartitions() {
      return workers;
    }

    @Override
    public int getPartition(Object key) {
      return slot.getOrDefault((String) key, 0);
    }
  }
}
