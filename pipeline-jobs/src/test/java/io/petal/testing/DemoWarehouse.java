package io.petal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The warehouse of one small {@code bin/petal demo} (1 normal and 1 abnormal patient, small grid),
 * made once per test JVM and shared by the integration tests that only read it (the demo takes a
 * few minutes). Deleted when the JVM exits.
 */
public final class DemoWarehouse {
  /** Demo options: one normal and one abnormal patient on the small grid. */
  public static final String[] OPTIONS = {"--normal", "1", "--abnormal", "1", "--grid", "small"};

  /**
   * @param warehouse the warehouse folder ({@code --warehouse})
   * @param demo the demo run (exit code and output)
   */
  public record Made(Path warehouse, PetalProcess.Result demo) {}

  private static Made made;

  private DemoWarehouse() {}

  /** The shared demo warehouse, made by the first caller; callers must not write to it. */
  public static synchronized Made get() throws IOException, InterruptedException {
    if (made == null) {
      Path dir = Files.createTempDirectory("petal-demo-it");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      Path warehouse = dir.resolve("wh");
      String[] args = new String[OPTIONS.length + 3];
      args[0] = "demo";
      args[1] = "--warehouse";
      args[2] = warehouse.toString();
      System.arraycopy(OPTIONS, 0, args, 3, OPTIONS.length);
      made = new Made(warehouse, PetalProcess.petal(dir, args));
    }
    return made;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
