package io.petal.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession shared by a test JVM: {@code local[2]}, UI off, few shuffle partitions,
 * Parquet with zstd. Never stopped by tests (Spark stops it at JVM exit).
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  /** The shared session, created on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("petal-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.parquet.compression.codec", "zstd")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
