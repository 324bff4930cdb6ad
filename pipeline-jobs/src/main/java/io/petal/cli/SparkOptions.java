package io.petal.cli;

import io.petal.spark.ConfigResolver;
import io.petal.spark.PetalSession;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Spark options shared by every Spark command: master, extra conf, experiment file. */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (local[*], spark://host:7077, yarn, k8s://…). "
          + "Default: local[*], or the master spark-submit sets.")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "Extra Spark setting, repeatable (e.g. spark.petal.seed=7, spark.executor.memory=6g).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--experiment", paramLabel = "FILE",
      description = "Experiment file (Java properties with spark.petal.* keys); "
          + "command-line options and Spark conf take precedence over it.")
  Path experiment;

  /** Starts (or joins) the SparkSession for {@code appName}. */
  public SparkSession session(String appName) {
    return PetalSession.create(appName, master, conf);
  }

  /** Resolver for settings of an active session, with this command's experiment file. */
  public ConfigResolver resolver(SparkSession spark) {
    return new ConfigResolver(spark.sparkContext().getConf(), ConfigResolver.loadExperiment(experiment));
  }
}
