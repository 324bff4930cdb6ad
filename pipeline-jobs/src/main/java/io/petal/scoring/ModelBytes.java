package io.petal.scoring;

import io.petal.io.HadoopFiles;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;

/**
 * A trained model's zip as bytes with their SHA-256, for broadcasting to executors (which load it
 * once per thread with {@link ThreadModels}).
 */
public record ModelBytes(String name, String sha256, byte[] bytes) implements Serializable {
  /** Reads {@code W/models/<name>/model.zip}; fails with what to run when it is missing. */
  public static ModelBytes read(Warehouse w, String name, Configuration conf, String trainCommand) throws IOException {
    String path = HadoopFiles.join(w.model(name), "model.zip");
    byte[] bytes;
    try (InputStream in = HadoopFiles.open(path, conf)) {
      bytes = in.readAllBytes();
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException("no model '" + name + "' under " + w + ": run petal " + trainCommand
          + " --model " + name + " first", e);
    }
    try {
      return new ModelBytes(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This thread's copy of the model. */
  public <M> M load(ThreadModels.Loader<M> loader) {
    return ThreadModels.get(sha256, bytes, loader);
  }
}
