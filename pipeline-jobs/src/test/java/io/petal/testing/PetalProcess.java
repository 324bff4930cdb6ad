package io.petal.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an outside command of an integration test (above all {@code bin/petal}, started as a user
 * starts it: the shaded jar built by {@code mvn package} before Failsafe runs) and keeps its exit
 * code and its stdout and stderr together.
 */
public final class PetalProcess {
  /** Driver heap for {@code bin/petal} in tests (the launcher's default of 4g is more than CI needs). */
  public static final String DRIVER_MEMORY = "2g";

  /** A finished command: exit code and its stdout and stderr interleaved (UTF-8). */
  public record Result(int code, String output) {}

  private PetalProcess() {}

  /** The repository root (system property {@code petal.repo.dir}, set by Failsafe, or the parent of the working directory). */
  public static Path repo() {
    String p = System.getProperty("petal.repo.dir");
    return p != null ? Paths.get(p) : Paths.get("").toAbsolutePath().getParent();
  }

  /**
   * Runs {@code bin/petal args} in {@code workDir} with the test driver heap and without a
   * pseudonym key from the caller's environment, failing the test when it runs over 8 minutes.
   */
  public static Result petal(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(repo().resolve("bin/petal").toString());
    cmd.addAll(List.of(args));
    return run(cmd, workDir, Map.of("PETAL_DRIVER_MEMORY", DRIVER_MEMORY), List.of("PETAL_PSEUDONYM_KEY"), 8);
  }

  /**
   * Runs {@code cmd} in {@code workDir} with {@code env} added to and {@code unset} removed from
   * this JVM's environment, failing the test when it runs over {@code minutes}.
   */
  public static Result run(List<String> cmd, Path workDir, Map<String, String> env, List<String> unset, long minutes)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    unset.forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    Process p = pb.start();
    // Drain the output while the process runs, so a full pipe never blocks it.
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        output.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        output.append("(output unreadable: ").append(e.getMessage()).append(')');
      }
    });
    reader.start();
    boolean finished = p.waitFor(minutes, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    assertTrue(finished, String.join(" ", cmd) + " did not finish in " + minutes + " min:\n" + output);
    return new Result(p.exitValue(), output.toString());
  }
}
