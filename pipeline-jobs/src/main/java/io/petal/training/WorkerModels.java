package io.petal.training;

import io.petal.models.TrainableModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One model per (training run, partition) per executor JVM, kept between averaging rounds so that
 * native buffers are allocated once; models of other runs are dropped.
 */
final class WorkerModels {
  private static final Map<String, TrainableModel> MODELS = new ConcurrentHashMap<>();

  private WorkerModels() {}

  @SuppressWarnings("unchecked")
  static <M extends TrainableModel> M get(String runId, int partition, Supplier<M> create) {
    MODELS.keySet().removeIf(k -> !k.startsWith(runId + "/"));
    return (M) MODELS.computeIfAbsent(runId + "/" + partition, k -> create.get());
  }
}
