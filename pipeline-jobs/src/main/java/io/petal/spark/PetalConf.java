package io.petal.spark;

/**
 * Configuration keys. Precedence, highest first, applied by {@link ConfigResolver}:
 * command-line option &gt; Spark conf {@code spark.petal.*} (spark-defaults, {@code --conf}) &gt;
 * experiment file ({@code --experiment FILE}, Java properties with the same keys) &gt; default.
 */
public final class PetalConf {
  private PetalConf() {}

  /** File holding the key for pseudonymous ids (HMAC); the literal key may come from the environment. */
  public static final String PSEUDONYM_KEY_FILE = "spark.petal.pseudonymKeyFile";
}
