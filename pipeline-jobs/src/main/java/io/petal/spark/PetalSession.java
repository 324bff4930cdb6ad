package io.petal.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the SparkSession for a command. Local mode ({@code local[*]}) unless a master is given
 * on the command line or by spark-submit; Parquet written with zstd; UTC session time zone.
 *
 * <p>Under spark-submit the master and the application jar come from spark-submit. When the
 * {@code petal} launcher itself drives a cluster ({@code --master spark://…}), the shaded jar this
 * class was loaded from is shipped to the executors through {@code spark.jars}. A standalone
 * master on loopback ({@code petal local-cluster}) can only have workers on this machine: there the
 * executors put the jar on their class path in place ({@code spark.executor.extraClassPath})
 * instead of each copying its ~240 MB into its work folder twice.
 */
public final class PetalSession {
  private static final Logger LOG = LoggerFactory.getLogger(PetalSession.class);
  /** Default master when neither the command line nor spark-submit names one. */
  public static final String DEFAULT_MASTER = "local[*]";
  /** A standalone master on loopback: its workers can only be on this machine. */
  private static final Pattern LOOPBACK_MASTER = Pattern.compile("spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?");

  private PetalSession() {}

  /**
   * @param appName  Spark application name
   * @param master   master URL from the command line, or null
   * @param conf     extra {@code key=value} Spark settings from the command line
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    SparkConf sc = new SparkConf(true);
    String effectiveMaster = master != null ? master : sc.get("spark.master", DEFAULT_MASTER);
    sc.setMaster(effectiveMaster).setAppName(sc.get("spark.app.name", appName));
    sc.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    sc.setIfMissing("spark.sql.session.timeZone", "UTC");
    sc.setIfMissing("spark.ui.showConsoleProgress", "true");
    if (effectiveMaster.startsWith("local")) {
      sc.setIfMissing("spark.driver.host", "127.0.0.1");
      sc.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      sc.setIfMissing("spark.ui.enabled", "false");
    } else if (!sc.contains("spark.jars")) {
      ownJar().ifPresent(jar -> {
        if (LOOPBACK_MASTER.matcher(effectiveMaster).matches()) {
          // executors call the driver back on loopback, whatever "localhost" resolves to
          sc.setIfMissing("spark.driver.host", "127.0.0.1");
          sc.setIfMissing("spark.executor.extraClassPath", jar);
        } else {
          sc.set("spark.jars", jar);
        }
      });
    }
    conf.forEach(sc::set);
    SparkSession spark = SparkSession.builder().config(sc).getOrCreate();
    LOG.info("Spark {} master={} app={}", spark.version(), effectiveMaster, sc.get("spark.app.name"));
    return spark;
  }

  private static java.util.Optional<String> ownJar() {
    try {
      Path p = Path.of(PetalSession.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return p.toString().endsWith(".jar") ? java.util.Optional.of(p.toString()) : java.util.Optional.empty();
    } catch (Exception e) {
      return java.util.Optional.empty();
    }
  }
}
