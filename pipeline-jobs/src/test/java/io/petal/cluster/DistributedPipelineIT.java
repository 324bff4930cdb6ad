package io.petal.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.AutoencoderModel;
import io.petal.schema.AnomalyTable;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.testing.TestSpark;
import io.petal.training.ModelCard;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a real multi-process cluster: a {@link LocalCluster} (master, two workers, their
 * executors: all separate JVMs) and a MiniDFSCluster (two datanodes, replication 2). Every stage
 * runs as its own application through the shaded jar - synth with {@code bin/petal --master}, the
 * others with spark-submit - reading and writing {@code hdfs://} only.
 *
 * <p>{@link #runReferencePipeline} runs synth → ingest → train-ae → score once without faults; its
 * tables are the reference. Each fault test reruns one stage into a fresh warehouse (or model name)
 * while injecting its fault and asserts that the output equals the reference: row count, distinct
 * keys and content checksum ({@link TableChecksum}). So every fault test is also a determinism
 * check of its stage: same inputs, seed and partitioning give the same tables.
 */
@Tag("integration")
class DistributedPipelineIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
  private static final Duration FAULT_WINDOW = Duration.ofMinutes(4);
  private static final String COHORT = "small";
  /** A tiny autoencoder: 32 px at 16 mm, 4 base filters, one epoch, two data-parallel workers. */
  private static final List<String> TRAIN_ARGS = List.of("--workers", "2", "--epochs", "1", "--size", "32",
      "--pixel-mm", "16", "--base-filters", "4", "--batch-size", "16", "--averaging-frequency", "2",
      "--split", "all", "--seed", "5");
  private static final Set<String> RUN_TIMESTAMPS = Set.of(StudiesTable.INGESTED_AT);

  /** Cluster folder (executor logs), driver logs and HDFS storage; kept after the run for inspection. */
  private static Path dir;
  private static MiniDFSCluster dfs;
  private static FileSystem hdfs;
  private static String root;
  private static LocalCluster cluster;
  private static ClusterState clusterState;
  private static PetalSubmitter submit;
  private static String manifest;
  private static Reference reference;

  /** The fault-free run's tables and model. */
  private record Reference(Warehouse warehouse, TableChecksum studies, TableChecksum slices, TableChecksum anomaly) {}

  @BeforeAll
  static void runReferencePipeline() throws Exception {
    Path target = repo().resolve("pipeline-jobs/target");
    dir = target.resolve("distributed-it");
    FileUtil.fullyDelete(dir.toFile());
    Configuration conf = new Configuration();
    conf.setInt(DFSConfigKeys.DFS_REPLICATION_KEY, 2);
    dfs = new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile()).numDataNodes(2).nameNodePort(0).build();
    dfs.waitActive();
    hdfs = dfs.getFileSystem();
    root = "hdfs://127.0.0.1:" + dfs.getNameNodePort();

    SparkJars jars = SparkJars.fromFiles(List.of(target.resolve("provided-classpath.txt"),
        target.resolve("spark-shared-classpath.txt")));
    Path clusterDir = dir.resolve("cluster");
    cluster = new LocalCluster(clusterDir, jars);
    Runtime.getRuntime().addShutdownHook(new Thread(DistributedPipelineIT::stopLeftOverCluster));
    launcher("local-cluster", "start", "--workers", "2", "--cores-per-worker", "1", "--memory", "1536m",
        "--port", "0", "--webui-port", "0", "--dir", clusterDir.toString());
    clusterState = cluster.state().orElseThrow(() -> new AssertionError("no cluster state in " + clusterDir));
    submit = new PetalSubmitter(jars, target.resolve("petal.jar"), clusterState.masterUrl(), dir.resolve("drivers"),
        Map.of("spark.hadoop.dfs.replication", "2", "spark.executor.memory", "1g", "spark.driver.host", "127.0.0.1"),
        Map.of("PETAL_PSEUDONYM_KEY", "cluster-test-key-0123456789"));

    String cohort = root + "/cohorts/" + COHORT;
    launcher("synth", "--master", clusterState.masterUrl(), "--out", cohort, "--normal", "2", "--abnormal", "2",
        "--grid", "small", "--seed", "11",
        "--conf", "spark.executor.extraJavaOptions=" + PetalSubmitter.SHORT_LIVED_JVM);
    manifest = cohort + "/manifest.csv";
    Warehouse w = new Warehouse(root + "/reference");
    succeed("ingest", "ingest", "--manifest", manifest, "--warehouse", w.root());
    succeed("train-ae", trainArgs(w, "autoencoder"));
    succeed("score", "score", "--warehouse", w.root());
    reference = new Reference(w, studies(w), slices(w), anomaly(w, "autoencoder"));
  }

  /** If this JVM ends without {@link #stopClusters} (killed by a timeout), the cluster's JVMs go with it. */
  private static void stopLeftOverCluster() {
    try {
      cluster.stop();
    } catch (IOException | RuntimeException e) {
      System.err.println("could not stop the local cluster in " + cluster.dir() + ": " + e);
    }
  }

  /** Stops the cluster with {@code bin/petal local-cluster stop} (checked), then whatever is left, and HDFS. */
  @AfterAll
  static void stopClusters() throws IOException, InterruptedException {
    try {
      if (clusterState != null) {
        String out = launcher("local-cluster", "stop", "--dir", cluster.dir().toString());
        assertTrue(out.contains("stopped worker-1, worker-2, master"), out);
        assertTrue(clusterState.daemonsToStop().stream().noneMatch(Daemon::alive), "a cluster JVM still runs");
      }
    } finally {
      if (cluster != null) {
        cluster.stop();
      }
      if (root != null) { // drop the client Spark's cached filesystem of this namenode
        FileSystem.get(URI.create(root), TestSpark.session().sparkContext().hadoopConfiguration()).close();
      }
      if (dfs != null) {
        dfs.shutdown(true);
      }
    }
  }

  @Test
  void localClusterStatusShowsTheMasterAndBothWorkers() throws IOException, InterruptedException {
    String out = launcher("local-cluster", "status", "--dir", cluster.dir().toString());
    assertTrue(out.contains("master    " + clusterState.masterUrl()), out);
    assertTrue(out.contains("ALIVE, 2 of 2 worker(s) alive"), out);
    for (Daemon w : clusterState.workers()) {
      assertTrue(out.contains("  worker  " + w.address() + "  cores "), w.address() + " missing:\n" + out);
    }
  }

  @Test
  void referencePipelineWroteEveryTableToHdfs() throws IOException {
    Warehouse w = reference.warehouse();
    assertEquals(4, reference.studies().rows());
    long sliceCount = read(w, StudiesTable.NAME).agg(functions.sum(StudiesTable.NZ)).first().getLong(0);
    assertEquals(4 * 135, sliceCount, "small grid: 135 slices per study");
    assertEquals(sliceCount, reference.slices().rows());
    assertEquals(sliceCount, reference.slices().distinctKeys(), "a (study, slice) twice in slices");
    assertEquals(sliceCount, reference.anomaly().rows(), "one anomaly row per slice");
    assertEquals(sliceCount, reference.anomaly().distinctKeys());
    assertEquals(4, hdfs.listStatus(hdfsPath(w.table(SlicesTable.NAME) + "/" + Columns.COHORT + "=" + COHORT)).length,
        "one slices file per study");

    ModelCard card = card(w, "autoencoder");
    assertEquals(1, card.epochs().size());
    assertEquals("2", card.hyperParameters().get("workers"));
    assertEquals(clusterState.masterUrl(), card.sparkMaster(), "trained on the local cluster");
    assertTrue(card.data().slices() > 0);
  }

  @Test
  void ingestFinishesWithTheSameTablesWhenAnExecutorIsKilledMidStage() throws Exception {
    Warehouse w = new Warehouse(root + "/executor-killed-ingest");
    try (DriverRun run = submit.start("ingest-executor-killed", "ingest", "--manifest", manifest,
        "--warehouse", w.root())) {
      String killed = killExecutorRunning(run, "IngestJob.java");
      assertEquals(0, run.await(RUN_TIMEOUT), run.tail(60));
      assertTaskLostWith(run, killed);
    }
    assertEquals(reference.studies(), studies(w));
    assertEquals(reference.slices(), slices(w));
  }

  @Test
  void scoringFinishesWithTheSameTableWhenAnExecutorIsKilledMidStage() throws Exception {
    Warehouse w = reference.warehouse();
    String model = "executor-killed";
    FileUtil.copy(hdfs, hdfsPath(w.model("autoencoder")), hdfs, hdfsPath(w.model(model)), false, hdfs.getConf());
    try (DriverRun run = submit.start("score-executor-killed", "score", "--warehouse", w.root(), "--model", model)) {
      String killed = killExecutorRunning(run, "ScoringJob.java");
      assertEquals(0, run.await(RUN_TIMEOUT), run.tail(60));
      assertTaskLostWith(run, killed);
    }
    assertEquals(reference.anomaly(), anomaly(w, model));
  }

  @Test
  void nothingIsLostWhenADatanodeStopsMidIngest() throws Exception {
    Warehouse w = new Warehouse(root + "/datanode-stopped");
    MiniDFSCluster.DataNodeProperties stopped = null;
    try (DriverRun run = submit.start("ingest-datanode-stopped", "ingest", "--manifest", manifest,
        "--warehouse", w.root())) {
      DriverRestApi.awaitRunningTasks(run, "IngestJob.java", FAULT_WINDOW);
      stopped = dfs.stopDataNode(1);
      assertEquals(0, run.await(RUN_TIMEOUT), run.tail(60));
      assertEquals(1, dfs.getDataNodes().size(), "datanodes running");
      assertTrue(singleReplicaFiles(hdfsPath(w.table(SlicesTable.NAME) + "/" + Columns.COHORT + "=" + COHORT)) > 0,
          "no slices file was written while the datanode was down (every block has two replicas)");
      assertEquals(reference.studies(), studies(w), "studies written with a datanode down");
      assertEquals(reference.slices(), slices(w), "slices written with a datanode down");
      assertEquals(reference.slices(), slices(reference.warehouse()), "slices written before, read with one datanode");
      assertEquals(reference.anomaly(), anomaly(reference.warehouse(), "autoencoder"),
          "anomaly written before, read with one datanode");
    } finally {
      if (stopped != null) {
        dfs.restartDataNode(stopped, true);
        dfs.waitActive();
      }
    }
  }

  @Test
  void ingestKilledWithItsDriverAndRunAgainHasNoDuplicatesAndNothingMissing() throws Exception {
    Warehouse w = new Warehouse(root + "/driver-killed");
    org.apache.hadoop.fs.Path slicesDir = hdfsPath(w.table(SlicesTable.NAME) + "/" + Columns.COHORT + "=" + COHORT);
    try (DriverRun run = submit.start("ingest-driver-killed", "ingest", "--manifest", manifest,
        "--warehouse", w.root())) {
      int landed = awaitSlicesFile(run, slicesDir);
      run.kill();
      assertFalse(hdfs.exists(hdfsPath(w.table(StudiesTable.NAME))), "the killed ingest had already committed its "
          + "studies (" + landed + " slices file(s) when killed): killed too late to test anything");
    }
    try (DriverRun again = submit.start("ingest-after-driver-killed", "ingest", "--manifest", manifest,
        "--warehouse", w.root())) {
      assertEquals(0, again.await(RUN_TIMEOUT), again.tail(60));
      assertTrue(again.log().contains("4 ingested, 0 unchanged, 0 quarantined"), again.tail(20));
    }
    assertEquals(reference.studies(), studies(w));
    assertEquals(reference.slices(), slices(w));
    assertEquals(4, hdfs.listStatus(slicesDir, p -> !p.getName().startsWith(".")).length, "one slices file per study");
  }

  /**
   * Training twice on the same cluster with the same workers, seed and data gives bit-identical
   * parameters and the same loss: data placement, shuffling, masks and averaging order do not
   * depend on which executor ran which partition.
   */
  @Test
  void trainingTwiceWithTheSameWorkersGivesTheSameParameters() throws Exception {
    Warehouse w = reference.warehouse();
    succeed("train-ae-again", trainArgs(w, "again"));
    AutoencoderModel first = model(w, "autoencoder");
    AutoencoderModel second = model(w, "again");
    assertEquals(first.iteration(), second.iteration());
    assertArrayEquals(first.getParams(), second.getParams(), "parameters differ between two identical runs");
    assertEquals(card(w, "autoencoder").epochs().get(0).loss(), card(w, "again").epochs().get(0).loss());
  }

  // ---- running stages

  private static void succeed(String name, String... args) throws IOException, InterruptedException {
    try (DriverRun run = submit.start(name, args)) {
      assertEquals(0, run.await(RUN_TIMEOUT), run.tail(60));
    }
  }

  private static String[] trainArgs(Warehouse w, String model) {
    List<String> args = new ArrayList<>(List.of("train-ae", "--warehouse", w.root(), "--model", model));
    args.addAll(TRAIN_ARGS);
    return args.toArray(String[]::new);
  }

  /**
   * {@code bin/petal <args>}, the launcher a user types (a Spark stage's jar goes to the executors
   * through PetalSession); fails unless it exits 0; returns its output.
   */
  private static String launcher(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(repo().resolve("bin/petal").toString()));
    cmd.addAll(List.of(args));
    Path log = dir.resolve("drivers").resolve("launcher-" + String.join("-", Arrays.asList(args).subList(0,
        args[0].equals("local-cluster") ? 2 : 1)) + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("PETAL_DRIVER_MEMORY", "1g");
    pb.environment().put("PETAL_JAVA_OPTS", PetalSubmitter.SHORT_LIVED_JVM);
    Process p = pb.start();
    assertTrue(p.waitFor(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES), "bin/petal " + args[0] + " still running");
    assertEquals(0, p.exitValue(), "bin/petal " + String.join(" ", args) + ":\n" + LocalCluster.tail(log, 60));
    return Files.readString(log);
  }

  private static Path repo() {
    String p = System.getProperty("petal.repo.dir");
    return p != null ? Paths.get(p) : Paths.get("").toAbsolutePath().getParent();
  }

  // ---- faults

  /** Kills (SIGKILL) one executor JVM while it runs a task of the stage named with {@code marker}; returns its id. */
  private static String killExecutorRunning(DriverRun run, String marker) throws InterruptedException {
    DriverRestApi.RunningStage s = DriverRestApi.awaitRunningTasks(run, marker, FAULT_WINDOW);
    String id = s.executorIds().get(0);
    ProcessHandle executor = ExecutorJvms.find(clusterState, s.appId(), id).orElseThrow(() -> new AssertionError(
        "no JVM of executor " + id + " of " + s.appId() + " under the workers"));
    assertTrue(executor.destroyForcibly(), "could not kill executor " + id);
    executor.onExit().join();
    return id;
  }

  /**
   * The driver saw a task that had started on the killed executor fail because the executor was
   * lost (the job then finishing proves it ran again elsewhere). Spark words it two ways, depending
   * on whether the loss is put down to the task: {@code Lost task … (TID t) … ExecutorLostFailure}
   * or {@code task … (TID t) failed because while it was being computed, its executor exited}.
   */
  private static void assertTaskLostWith(DriverRun run, String executorId) {
    String log = run.log();
    Matcher started = Pattern.compile("Starting task \\S+ in stage \\S+ \\(TID (\\d+)\\) \\([^,]+, executor "
        + Pattern.quote(executorId) + ",").matcher(log);
    boolean lost = false;
    while (started.find() && !lost) {
      Pattern failed = Pattern.compile("\\(TID " + started.group(1) + "\\)[^\\n]*(ExecutorLostFailure|its executor exited)");
      lost = failed.matcher(log).find();
    }
    assertTrue(lost, "no task was lost with executor " + executorId + " (did it finish its task before the kill?); "
        + run.tail(40));
  }

  /** Waits until the running ingest has committed at least one study's slices file; returns how many there are. */
  private static int awaitSlicesFile(DriverRun run, org.apache.hadoop.fs.Path slicesDir) throws Exception {
    long deadline = System.nanoTime() + FAULT_WINDOW.toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(run.process().isAlive(), "ingest ended before any slices file appeared; " + run.tail(40));
      if (hdfs.exists(slicesDir)) {
        FileStatus[] files = hdfs.listStatus(slicesDir, p -> !p.getName().startsWith("."));
        if (files.length > 0) {
          return files.length;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no slices file within " + FAULT_WINDOW.toSeconds() + " s; " + run.tail(40));
  }

  /** Files in {@code folder} with a block stored on one datanode only: written while the other was down. */
  private static long singleReplicaFiles(org.apache.hadoop.fs.Path folder) throws IOException {
    long n = 0;
    for (FileStatus f : hdfs.listStatus(folder, p -> !p.getName().startsWith("."))) {
      boolean single = false;
      for (BlockLocation b : hdfs.getFileBlockLocations(f, 0, f.getLen())) {
        single |= b.getNames().length == 1;
      }
      n += single ? 1 : 0;
    }
    return n;
  }

  // ---- reading the outputs back (Spark in this JVM, local mode, over hdfs://)

  private static Dataset<Row> read(Warehouse w, String table) {
    SparkSession spark = TestSpark.session();
    return spark.read().parquet(w.table(table));
  }

  private static TableChecksum studies(Warehouse w) {
    return TableChecksum.of(read(w, StudiesTable.NAME), List.of(Columns.COHORT, Columns.STUDY_KEY), RUN_TIMESTAMPS);
  }

  private static TableChecksum slices(Warehouse w) {
    return TableChecksum.of(read(w, SlicesTable.NAME),
        List.of(Columns.COHORT, Columns.STUDY_KEY, SlicesTable.SLICE_INDEX), Set.of());
  }

  /** The anomaly rows of one model, without the model column (so two models' rows compare). */
  private static TableChecksum anomaly(Warehouse w, String model) {
    Dataset<Row> rows = read(w, AnomalyTable.NAME).filter(functions.col(AnomalyTable.MODEL).equalTo(model));
    return TableChecksum.of(rows, List.of(Columns.COHORT, Columns.STUDY_KEY, AnomalyTable.SLICE_INDEX),
        Set.of(AnomalyTable.MODEL));
  }

  private static org.apache.hadoop.fs.Path hdfsPath(String uri) {
    return new org.apache.hadoop.fs.Path(uri);
  }

  private static AutoencoderModel model(Warehouse w, String name) throws IOException {
    try (InputStream in = hdfs.open(hdfsPath(w.model(name) + "/model.zip"))) {
      return AutoencoderModel.load(in);
    }
  }

  private static ModelCard card(Warehouse w, String name) throws IOException {
    try (InputStream in = hdfs.open(hdfsPath(w.model(name) + "/model-card.json"))) {
      return ModelCard.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    }
  }

  /**
   * Deletes the copies of petal.jar (~240 MB each) that every executor fetched into its work
   * folder for applications that ended; their logs stay.
   */
  @AfterEach
  void deleteFetchedJars() throws IOException {
    Set<String> running = MasterStatus.fetch(clusterState.webUi()).activeApps().stream()
        .map(MasterStatus.Application::id).collect(java.util.stream.Collectors.toSet());
    try (Stream<Path> s = Files.walk(cluster.dir())) {
      for (Path jar : s.filter(p -> p.toString().endsWith(".jar") && p.getParent().getParent() != null
          && !running.contains(p.getParent().getParent().getFileName().toString())).toList()) {
        Files.delete(jar);
      }
    }
  }
}
