package io.petal.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One JVM of the local cluster, as recorded in its state file: which Spark class it runs, its
 * process id and start time (so that a recycled pid is never mistaken for it), its log file and
 * its address.
 *
 * @param role {@code master} or {@code worker-<n>}
 * @param mainClass the Spark class the JVM runs
 * @param pid process id
 * @param startedEpochMs when the operating system started the process, ms since the epoch
 * @param address {@code host:port} of its RPC endpoint
 * @param log its stdout and stderr
 */
public record Daemon(String role, String mainClass, long pid, long startedEpochMs, String address, String log) {

  /** Records a process just started. */
  static Daemon of(String role, String mainClass, Process p, String address, String log) {
    return new Daemon(role, mainClass, p.pid(), startMillis(p.toHandle()), address, log);
  }

  /** The live process, if this pid still runs the JVM that was recorded. */
  public Optional<ProcessHandle> process() {
    return ProcessHandle.of(pid).filter(Daemon::running).filter(h -> startMillis(h) == startedEpochMs);
  }

  public boolean alive() {
    return process().isPresent();
  }

  /**
   * Stops the JVM: SIGTERM (Spark's shutdown hooks stop a worker's executors), then SIGKILL after
   * {@code grace}; child processes still running then (executors) are killed too.
   *
   * @return whether a live process was found
   */
  boolean stop(Duration grace) {
    Optional<ProcessHandle> p = process();
    if (p.isEmpty()) {
      return false;
    }
    ProcessHandle h = p.get();
    List<ProcessHandle> children = h.descendants().toList();
    h.destroy();
    if (!awaitEnd(h, grace)) {
      h.destroyForcibly();
      awaitEnd(h, Duration.ofSeconds(10));
    }
    children.stream().filter(Daemon::running).forEach(ProcessHandle::destroyForcibly);
    return true;
  }

  /** Polls until the process ended; whether it did within {@code timeout}. */
  private static boolean awaitEnd(ProcessHandle h, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running(h)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Alive and not a zombie. A daemon's parent ({@code petal local-cluster start}) has exited, so a
   * stopped daemon waits for whoever adopted it to reap it - and until then the pid still exists
   * (state {@code Z} in {@code /proc/<pid>/stat} on Linux).
   */
  static boolean running(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
      int end = stat.lastIndexOf(')'); // "pid (command) S ..."
      return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    } catch (IOException e) {
      return h.isAlive(); // no /proc (not Linux), or the process just ended
    }
  }

  private static long startMillis(ProcessHandle h) {
    return h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }
}
