package io.petal.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark driver JVM started by {@link PetalSubmitter}: its process and its log (stdout and stderr
 * together). Closing it kills a driver still running (a test that failed half-way).
 */
final class DriverRun implements AutoCloseable {
  private static final Pattern UI = Pattern.compile("Successfully started service 'SparkUI' on port (\\d+)");

  private final String name;
  private final Process process;
  private final Path log;

  DriverRun(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  String name() {
    return name;
  }

  Process process() {
    return process;
  }

  /** Waits for the driver to exit and returns its exit code; fails the test after {@code timeout}. */
  int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + ": driver still running after " + timeout.toSeconds() + " s; log ends:\n"
          + tail(60));
    }
    return process.exitValue();
  }

  /** Kills the driver JVM (SIGKILL) and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The whole log so far. */
  String log() {
    try {
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** The last {@code lines} lines of the log, for failure messages. */
  String tail(int lines) {
    return name + " (" + log + "):\n" + LocalCluster.tail(log, lines);
  }

  /** The driver's web UI (its REST API at /api/v1) once the log says it is bound. */
  Optional<String> webUi() {
    Matcher m = UI.matcher(log());
    return m.find() ? Optional.of("http://127.0.0.1:" + m.group(1)) : Optional.empty();
  }
}
