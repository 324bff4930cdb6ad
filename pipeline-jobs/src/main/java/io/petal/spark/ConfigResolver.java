package io.petal.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.SparkConf;

/**
 * Resolves one setting by Petal's precedence: command-line value &gt; {@code spark.petal.*} Spark
 * conf &gt; experiment file &gt; default (see {@link PetalConf}).
 */
public final class ConfigResolver {
  private final SparkConf sparkConf;
  private final Properties experiment;

  public ConfigResolver(SparkConf sparkConf, Properties experiment) {
    this.sparkConf = sparkConf;
    this.experiment = experiment;
  }

  /** Loads an experiment file (Java properties); {@code null} means none. */
  public static Properties loadExperiment(Path file) {
    Properties p = new Properties();
    if (file == null) {
      return p;
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("experiment file " + file + " does not exist (--experiment)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read experiment file " + file, e);
    }
    return p;
  }

  /** The winning value for {@code key}, given the command-line value (null when not given). */
  public String get(String key, String commandLine, String defaultValue) {
    if (commandLine != null) {
      return commandLine;
    }
    Optional<String> fromSpark = sparkConf.contains(key) ? Optional.of(sparkConf.get(key)) : Optional.empty();
    return fromSpark.orElseGet(() -> experiment.getProperty(key, defaultValue));
  }

  /** {@link #get} as an int; fails naming the key when the value is not an integer. */
  public int getInt(String key, Integer commandLine, int defaultValue) {
    return parse(key, get(key, commandLine == null ? null : commandLine.toString(), Integer.toString(defaultValue)),
        Integer::parseInt);
  }

  /** {@link #get} as a long. */
  public long getLong(String key, Long commandLine, long defaultValue) {
    return parse(key, get(key, commandLine == null ? null : commandLine.toString(), Long.toString(defaultValue)),
        Long::parseLong);
  }

  /** {@link #get} as a double. */
  public double getDouble(String key, Double commandLine, double defaultValue) {
    return parse(key, get(key, commandLine == null ? null : commandLine.toString(), Double.toString(defaultValue)),
        Double::parseDouble);
  }

  private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " = '" + value + "' is not a number", e);
    }
  }
}
