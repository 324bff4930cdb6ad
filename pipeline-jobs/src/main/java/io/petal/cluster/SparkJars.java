package io.petal.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Spark's own jars - what a Spark distribution keeps in {@code jars/} - as a class path, and the
 * command line of a JVM that runs one of Spark's main classes from them (the Java of this JVM,
 * Spark's Java 17 module flags). The build writes them as {@code pipeline-jobs/target/provided-classpath.txt}
 * plus {@code spark-shared-classpath.txt} (jars of {@code ~/.m2}, nothing downloaded); {@code bin/petal}
 * passes them in {@value #ENV}.
 */
public final class SparkJars {
  /** Environment variable holding Spark's class path (set by {@code bin/petal}). */
  public static final String ENV = "PETAL_SPARK_CLASSPATH";
  /** The class every Spark executor JVM runs. */
  public static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

  private final List<String> entries;

  private SparkJars(List<String> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("empty Spark class path");
    }
    this.entries = List.copyOf(entries);
  }

  /** From a class path string ({@link File#pathSeparator}-separated jars). */
  public static SparkJars of(String classpath) {
    List<String> jars = Arrays.stream(classpath.trim().split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    List<String> missing = jars.stream().filter(j -> !new File(j).exists()).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Spark class path names " + missing.size() + " missing file(s), e.g. "
          + missing.get(0) + " (rebuild with mvn -o package, which writes the class path from ~/.m2)");
    }
    return new SparkJars(jars);
  }

  /** From {@value #ENV}. */
  public static SparkJars fromEnvironment() {
    String cp = System.getenv(ENV);
    if (cp == null || cp.isBlank()) {
      throw new IllegalStateException(ENV + " is not set: run this through bin/petal, or set it to Spark's jars "
          + "(pipeline-jobs/target/provided-classpath.txt and spark-shared-classpath.txt, joined by ':')");
    }
    return of(cp);
  }

  /** From class path files as the build writes them (one line of jars each), joined in order. */
  public static SparkJars fromFiles(List<Path> files) throws IOException {
    List<String> parts = new ArrayList<>();
    for (Path f : files) {
      parts.add(Files.readString(f, StandardCharsets.UTF_8).trim());
    }
    return of(String.join(File.pathSeparator, parts));
  }

  /** The class path string. */
  public String classpath() {
    return String.join(File.pathSeparator, entries);
  }

  /** Scala binary version of the running Spark (e.g. {@code 2.12}); Spark's launcher needs it. */
  public static String scalaBinaryVersion() {
    String full = scala.util.Properties.versionNumberString();
    String[] parts = full.split("\\.");
    return parts[0] + "." + parts[1];
  }

  /**
   * {@code java -Xmx<heapMb>m <Spark's module flags> <jvmOptions> -cp <Spark's jars> <mainClass> <args>}.
   *
   * @param heapMb Java heap, MiB
   */
  public List<String> javaCommand(String mainClass, int heapMb, List<String> jvmOptions, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heapMb + "m");
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }
}
