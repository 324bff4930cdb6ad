package io.petal.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the pseudonym key comes from, first match wins:
 * <ol>
 *   <li>environment variable {@value #KEY_ENV} (the key itself, at least 16 characters);</li>
 *   <li>a key file named by the option/conf {@code spark.petal.pseudonymKeyFile} or the
 *       environment variable {@value #KEY_FILE_ENV} (its bytes, trailing whitespace removed);</li>
 *   <li>only for the demo and tests: the fixed, public demo key — never for real data.</li>
 * </ol>
 * A missing key is an error that says what to set. The key itself is never logged.
 */
public final class PseudonymKeys {
  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeys.class);
  public static final String KEY_ENV = "PETAL_PSEUDONYM_KEY";
  public static final String KEY_FILE_ENV = "PETAL_PSEUDONYM_KEY_FILE";
  /** The public demo key: synthetic data only. */
  static final String DEMO_KEY = "petal-demo-key-not-for-real-data";

  private PseudonymKeys() {}

  /**
   * @param keyFile key file from the command line or Spark conf, or null
   * @param allowDemoKey true only for the demo and synthetic cohorts
   * @param env the process environment (a parameter so tests can pass their own)
   */
  public static Pseudonymizer resolve(String keyFile, boolean allowDemoKey, Map<String, String> env) {
    String direct = env.get(KEY_ENV);
    if (direct != null && !direct.isBlank()) {
      return new Pseudonymizer(direct.strip().getBytes(StandardCharsets.UTF_8));
    }
    String file = keyFile != null ? keyFile : env.get(KEY_FILE_ENV);
    if (file != null && !file.isBlank()) {
      try {
        String k = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        return new Pseudonymizer(k.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the pseudonym key file " + file + ": " + e.getMessage(), e);
      }
    }
    if (allowDemoKey) {
      LOG.warn("using the public demo pseudonym key: fine for synthetic data, never for patient data "
          + "(set {} or {})", KEY_ENV, KEY_FILE_ENV);
      return new Pseudonymizer(DEMO_KEY.getBytes(StandardCharsets.UTF_8));
    }
    throw new IllegalArgumentException("no pseudonym key: set the environment variable " + KEY_ENV
        + " (at least 16 characters) or " + KEY_FILE_ENV + " / --key-file (a file holding the key)");
  }
}
