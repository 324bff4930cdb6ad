package io.petal.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> startMillis(h) == startedEpochMs);
  }

  public boolean alive() {
    return process().isPresent();
  }

  /**
   * Stops the JVM: SIGTERM (Spark's shutdown hooks stop a worker's executors), then SIGKILL after
   * {@code grace}; child processes still alive then (executors) are killed too.
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
    try {
      h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      h.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      h.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return true;
  }

  private static long startMillis(ProcessHandle h) {
    return h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }
}
