package io.petal.scoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Trained models deserialised once per executor thread (a model is not thread-safe, and Spark
 * runs several tasks per executor JVM on pooled threads), keyed by the model's content hash.
 */
public final class ThreadModels {
  private static final ThreadLocal<Map<String, Object>> MODELS = ThreadLocal.withInitial(HashMap::new);

  private ThreadModels() {}

  /** How a model kind is read from its zip bytes. */
  @FunctionalInterface
  public interface Loader<M> {
    M load(InputStream in) throws IOException;
  }

  /** The thread's model for {@code contentHash}, loaded from {@code bytes} on first use. */
  @SuppressWarnings("unchecked")
  public static <M> M get(String contentHash, byte[] bytes, Loader<M> loader) {
    return (M) MODELS.get().computeIfAbsent(contentHash, k -> {
      try {
        return loader.load(new ByteArrayInputStream(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the broadcast model " + k, e);
      }
    });
  }
}
