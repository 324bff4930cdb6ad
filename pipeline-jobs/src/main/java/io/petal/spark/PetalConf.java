package io.petal.spark;

/**
 * Configuration keys. Precedence, highest first, applied by {@link ConfigResolver}:
 * command-line option &gt; Spark conf {@code spark.petal.*} (spark-defaults, {@code --conf}) &gt;
 * experiment file ({@code --experiment FILE}, Java properties with the same keys) &gt; default.
 */
public final class PetalConf {
  private PetalConf() {}

  /** Warehouse root (any Hadoop path). */
  public static final String WAREHOUSE = "spark.petal.warehouse";
  /** Seed for every random choice of a run. */
  public static final String SEED = "spark.petal.seed";
  /** Key for pseudonymous ids (HMAC); a file path or the literal key comes from the environment. */
  public static final String PSEUDONYM_KEY_FILE = "spark.petal.pseudonymKeyFile";
  /** SUV threshold used to hide hot voxels at scoring time (SUV). */
  public static final String SUV_THRESHOLD = "spark.petal.suvThreshold";
}
