package io.petal.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@code petal <subcommand>} as spark-submit does in client mode: a child JVM on Spark's jars
 * runs {@code org.apache.spark.deploy.SparkSubmit --master URL --class io.petal.cli.PetalCli petal.jar ...},
 * so the driver loads the shaded jar in its own class loader and ships it to the executors
 * through {@code spark.jars}. Drivers still running when this JVM exits (a test run cut short)
 * are killed.
 */
final class PetalSubmitter {
  /** Driver heap, MiB. */
  private static final int DRIVER_HEAP_MB = 1024;
  /**
   * JVM options of the test's drivers and executors: short-lived JVMs on few cores spend more CPU
   * compiling than running; without the optimising JIT an ingest application takes half the CPU.
   */
  static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private final SparkJars jars;
  private final Path petalJar;
  private final String masterUrl;
  private final Path logDir;
  private final Map<String, String> conf;
  private final Map<String, String> env;
  private final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param conf Spark settings for every run ({@code --conf})
   * @param env environment of the driver (e.g. the pseudonym key)
   */
  PetalSubmitter(SparkJars jars, Path petalJar, String masterUrl, Path logDir, Map<String, String> conf,
      Map<String, String> env) {
    this.jars = jars;
    this.petalJar = petalJar;
    this.masterUrl = masterUrl;
    this.logDir = logDir;
    this.conf = new TreeMap<>(conf);
    this.env = Map.copyOf(env);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(Process::destroyForcibly)));
  }

  /** Starts the driver of {@code petal <args>}; {@code name} names its log file. */
  DriverRun start(String name, String... args) throws IOException {
    List<String> submit = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client",
        "--class", "io.petal.cli.PetalCli", "--name", "petal-" + name));
    submit.addAll(List.of("--conf", "spark.executor.extraJavaOptions=" + SHORT_LIVED_JVM));
    conf.forEach((k, v) -> submit.addAll(List.of("--conf", k + "=" + v)));
    submit.add(petalJar.toString());
    submit.addAll(List.of(args));
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(jars.javaCommand("org.apache.spark.deploy.SparkSubmit", DRIVER_HEAP_MB,
        List.of(("-Djava.awt.headless=true " + SHORT_LIVED_JVM).split(" ")), submit))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().remove("SPARK_HOME");
    pb.environment().putAll(env);
    Process p = pb.start();
    started.add(p);
    return new DriverRun(name, p, log);
  }
}
