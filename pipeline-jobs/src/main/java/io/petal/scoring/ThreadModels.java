package io.petal.scoring;

import io.petal.models.AutoencoderModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Trained models deserialised once per executor thread (a model is not thread-safe, and Spark
 * runs several tasks per executor JVM on pooled threads), keyed by the model's content hash.
 */
final class ThreadModels {
  private static final ThreadLocal<Map<String, AutoencoderModel>> MODELS = ThreadLocal.withInitial(HashMap::new);

  private ThreadModels() {}

  static AutoencoderModel get(String contentHash, byte[] bytes) {
    Map<String, AutoencoderModel> models = MODELS.get();
    models.keySet().removeIf(k -> !k.equals(contentHash));
    return models.computeIfAbsent(contentHash, k -> {
      try {
        return AutoencoderModel.load(new ByteArrayInputStream(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the broadcast model " + k, e);
      }
    });
  }
}
