package io.petal.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Spark standalone cluster on 127.0.0.1: one {@code Master} and N {@code Worker} JVMs,
 * started from Spark's own jars ({@link SparkJars}); each application's executors are further
 * JVMs that the workers start. Everything lives in one folder:
 * <pre>
 * cluster.json             {@link ClusterState}: pids, ports, master URL, web UI
 * logs/master.log          logs/worker-N.log
 * worker-N/work/APP/EXEC/  each executor's stdout and stderr (and jars fetched for it)
 * worker-N/local/          executors' scratch space (shuffle, spills)
 * spark-home/              the stand-in SPARK_HOME the workers build executor command lines from
 * </pre>
 * The workers hand executors Spark's class path through {@code SPARK_DIST_CLASSPATH} and
 * {@code OMP_NUM_THREADS} = cores per worker (libnd4j's thread pool); Spark adds its Java 17
 * module flags to every executor itself.
 */
public final class LocalCluster {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  static final String MASTER_MAIN = "org.apache.spark.deploy.master.Master";
  static final String WORKER_MAIN = "org.apache.spark.deploy.worker.Worker";
  /** Heap of the master and worker JVMs, MiB (they only schedule; executors have their own). */
  private static final int DAEMON_HEAP_MB = 512;
  /** The daemons mostly wait for messages: a small collector and no optimising JIT spare the cores for executors. */
  private static final List<String> DAEMON_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Path dir;
  private final SparkJars jars;

  /**
   * @param dir the cluster's folder (created on start)
   * @param jars Spark's jars (needed to start; status and stop work without them)
   */
  public LocalCluster(Path dir, SparkJars jars) {
    this.dir = dir.toAbsolutePath().normalize();
    this.jars = jars;
  }

  public Path dir() {
    return dir;
  }

  /** The recorded state, if a cluster was started in this folder and not stopped. */
  public Optional<ClusterState> state() {
    return ClusterState.read(dir);
  }

  /**
   * Starts the master, waits until it is ALIVE, starts the workers and waits until all registered.
   * The state file is updated after each JVM, so {@link #stop} cleans up after a start that failed
   * or was interrupted; on failure every JVM started is stopped and the exception names the log.
   */
  public ClusterState start(LocalClusterSpec spec) throws IOException {
    Optional<ClusterState> old = state();
    if (old.isPresent() && old.get().daemonsToStop().stream().anyMatch(Daemon::alive)) {
      throw new IllegalStateException("a local cluster is already running from " + dir + " (" + old.get().masterUrl()
          + "); stop it first");
    }
    if (jars == null) {
      throw new IllegalStateException("Spark's jars are needed to start a cluster");
    }
    Files.createDirectories(dir.resolve("logs"));
    // Spark's launcher insists on SPARK_HOME/jars; the jars themselves come from SPARK_DIST_CLASSPATH
    Files.createDirectories(dir.resolve("spark-home/jars"));
    Files.createDirectories(dir.resolve("spark-home/conf"));
    int masterPort = spec.masterPort() > 0 ? spec.masterPort() : freePort();
    int uiPort = spec.webUiPort() > 0 ? spec.webUiPort() : freePort();
    ClusterState state = new ClusterState("spark://" + HOST + ":" + masterPort, "http://" + HOST + ":" + uiPort, spec,
        null, List.of());
    try {
      Daemon master = launch("master", MASTER_MAIN, List.of("--host", HOST, "--port", Integer.toString(masterPort),
          "--webui-port", Integer.toString(uiPort)), Map.of(), HOST + ":" + masterPort);
      state = new ClusterState(state.masterUrl(), state.webUi(), spec, master, List.of());
      state.write(dir);
      awaitMaster(state, s -> "ALIVE".equals(s.status()), "the master to be ALIVE");
      for (int i = 1; i <= spec.workers(); i++) {
        state = state.withWorker(launchWorker(i, spec, state.masterUrl()));
        state.write(dir);
      }
      awaitMaster(state, s -> s.aliveWorkers().size() >= spec.workers(), spec.workers() + " workers to register");
      LOG.info("local cluster {} up: {} worker(s) x {} core(s), {} each", state.masterUrl(), spec.workers(),
          spec.coresPerWorker(), spec.memoryPerWorker());
      return state;
    } catch (IOException | RuntimeException e) {
      LOG.warn("local cluster start failed; stopping what was started: {}", e.getMessage());
      stopAll(state);
      throw e;
    }
  }

  /**
   * Stops the workers (and with them their executors), then the master, and forgets the state.
   * Only processes recorded in the state and still running the same JVM are signalled.
   *
   * @return the roles of the JVMs that were running
   */
  public List<String> stop() throws IOException {
    Optional<ClusterState> s = state();
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> stopped = stopAll(s.get());
    ClusterState.delete(dir);
    return stopped;
  }

  private List<String> stopAll(ClusterState s) {
    List<String> stopped = new ArrayList<>();
    for (Daemon d : s.daemonsToStop()) {
      if (d.stop(STOP_GRACE)) {
        stopped.add(d.role());
      }
    }
    return stopped;
  }

  private Daemon launchWorker(int n, LocalClusterSpec spec, String masterUrl) throws IOException {
    Path home = dir.resolve("worker-" + n);
    Path work = Files.createDirectories(home.resolve("work"));
    Path local = Files.createDirectories(home.resolve("local"));
    int port = freePort();
    Map<String, String> env = Map.of(
        "SPARK_HOME", dir.resolve("spark-home").toString(),
        "SPARK_CONF_DIR", dir.resolve("spark-home/conf").toString(),
        "SPARK_DIST_CLASSPATH", jars.classpath(),
        "SPARK_SCALA_VERSION", SparkJars.scalaBinaryVersion(),
        "SPARK_LOCAL_DIRS", local.toString(),
        "OMP_NUM_THREADS", Integer.toString(spec.coresPerWorker()));
    return launch("worker-" + n, WORKER_MAIN, List.of("--host", HOST, "--port", Integer.toString(port),
        "--webui-port", "0", "--cores", Integer.toString(spec.coresPerWorker()),
        "--memory", spec.memoryMbPerWorker() + "m", "--work-dir", work.toString(), masterUrl), env, HOST + ":" + port);
  }

  private Daemon launch(String role, String mainClass, List<String> args, Map<String, String> env, String address)
      throws IOException {
    Path log = dir.resolve("logs").resolve(role + ".log");
    ProcessBuilder pb = new ProcessBuilder(jars.javaCommand(mainClass, DAEMON_HEAP_MB, DAEMON_JVM_OPTIONS, args))
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("SPARK_LOCAL_IP", HOST);
    pb.environment().putAll(env);
    Process p = pb.start();
    LOG.info("started {} (pid {}), log {}", role, p.pid(), log);
    return Daemon.of(role, mainClass, p, address, log.toString());
  }

  /** Polls the master's JSON until {@code done} holds; fails when a JVM died or after the start timeout. */
  private void awaitMaster(ClusterState state, Predicate<MasterStatus> done, String what) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      for (Daemon d : state.daemonsToStop()) {
        if (!d.alive()) {
          throw new IllegalStateException(d.role() + " (pid " + d.pid() + ") exited while waiting for " + what
              + "; its log " + d.log() + " ends:\n" + tail(Path.of(d.log()), 20));
        }
      }
      try {
        if (done.test(MasterStatus.fetch(state.webUi()))) {
          return;
        }
      } catch (IOException e) {
        last = e; // not listening yet
      }
      sleep(500);
    }
    throw new IllegalStateException("timed out after " + START_TIMEOUT.toSeconds() + " s waiting for " + what
        + " (master log " + state.master().log() + ")" + (last == null ? "" : "; last error: " + last.getMessage()));
  }

  /** A port free on 127.0.0.1 now (another process may take it before Spark binds it; start then fails clearly). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  /** The last {@code lines} lines of a log file (or a note that it cannot be read). */
  static String tail(Path log, int lines) {
    try {
      List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the local cluster", e);
    }
  }
}
