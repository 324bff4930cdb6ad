package io.petal.training;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One model per (training run, partition) per executor JVM, kept between averaging rounds so that
 * native buffers are allocated once. Each partition's model draws its own training masks (its
 * seed is offset by the partition index); its weights always come from the broadcast state.
 */
final class WorkerModels {
  private static final Map<String, AutoencoderModel> MODELS = new ConcurrentHashMap<>();
  private static final long SEED_STRIDE = 0x5DEECE66DL;

  private WorkerModels() {}

  /** The model of {@code partition} in run {@code runId}; models of other runs are dropped. */
  static AutoencoderModel get(String runId, int partition, AutoencoderConfig config) {
    MODELS.keySet().removeIf(k -> !k.startsWith(runId + "/"));
    return MODELS.computeIfAbsent(runId + "/" + partition,
        k -> AutoencoderModel.create(config.toBuilder().seed(config.seed() + SEED_STRIDE * (partition + 1)).build()));
  }
}
