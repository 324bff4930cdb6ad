package io.petal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's bookkeeping without starting Spark: spec checks, the state file, process identity. */
class LocalClusterTest {
  @TempDir Path dir;

  /** A daemon record for this test JVM (alive), with the given start time. */
  private static Daemon thisJvm(String role, long startedEpochMs) {
    return new Daemon(role, "org.example.Main", ProcessHandle.current().pid(), startedEpochMs, "127.0.0.1:1",
        "x.log");
  }

  private static long thisJvmStart() {
    return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElseThrow();
  }

  @Test
  void specRefusesWhatCannotRun() {
    assertThrows(IllegalArgumentException.class, () -> new LocalClusterSpec(0, 1, "1g", 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new LocalClusterSpec(2, 0, "1g", 0, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LocalClusterSpec(2, 1, "lots", 0, 0));
    assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LocalClusterSpec(2, 1, "1g", 70000, 0));
    assertEquals(1536, new LocalClusterSpec(2, 1, "1536m", 0, 0).memoryMbPerWorker());
    assertEquals(2048, new LocalClusterSpec(2, 1, "2g", 0, 0).memoryMbPerWorker());
  }

  @Test
  void stateSurvivesARoundTripThroughItsFile() throws IOException {
    ClusterState s = new ClusterState("spark://127.0.0.1:7077", "http://127.0.0.1:8080",
        new LocalClusterSpec(2, 1, "1g", 7077, 8080), thisJvm("master", 11), List.of(thisJvm("worker-1", 12)))
        .withWorker(thisJvm("worker-2", 13));
    s.write(dir);
    assertEquals(Optional.of(s), ClusterState.read(dir));
    assertEquals(List.of("worker-1", "worker-2", "master"), s.daemonsToStop().stream().map(Daemon::role).toList());
    ClusterState.delete(dir);
    assertEquals(Optional.empty(), ClusterState.read(dir));
  }

  @Test
  void aRecordedPidIsOnlyTheDaemonWhileItRunsTheSameProcess() {
    assertTrue(thisJvm("master", thisJvmStart()).alive());
    assertFalse(thisJvm("master", thisJvmStart() - 60_000).alive(), "same pid, other start time: a recycled pid");
    assertFalse(new Daemon("master", "x", Long.MAX_VALUE - 1, 0, "", "").alive());
  }

  @Test
  void startRefusesWhileAClusterFromTheSameFolderRuns() throws IOException {
    new ClusterState("spark://127.0.0.1:7077", "http://127.0.0.1:8080", new LocalClusterSpec(1, 1, "1g", 0, 0),
        thisJvm("master", thisJvmStart()), List.of()).write(dir);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new LocalCluster(dir, null).start(new LocalClusterSpec(1, 1, "1g", 0, 0)));
    assertTrue(e.getMessage().contains("already running"), e.getMessage());
  }

  @Test
  void stopWithoutAClusterStopsNothing() throws IOException {
    assertEquals(List.of(), new LocalCluster(dir, null).stop());
  }

  @Test
  void anExecutorIsRecognisedByItsApplicationAndId() {
    List<String> args = List.of("/usr/bin/java", "-cp", "x.jar", SparkJars.EXECUTOR_MAIN, "--driver-url", "d",
        "--executor-id", "1", "--hostname", "127.0.0.1", "--app-id", "app-1");
    assertTrue(ExecutorJvms.isExecutor(args, "app-1", "1"));
    assertFalse(ExecutorJvms.isExecutor(args, "app-1", "0"));
    assertFalse(ExecutorJvms.isExecutor(args, "app-2", "1"));
    assertFalse(ExecutorJvms.isExecutor(List.of("--executor-id", "1", "--app-id", "app-1"), "app-1", "1"));
  }
}
