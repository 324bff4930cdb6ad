package io.petal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build this code comes from (Maven version and build time), for model cards, reports and --version. */
public final class BuildInfo {
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  /** e.g. {@code petal 0.1.0-SNAPSHOT (built 2026-11-21T10:00:00Z)}. */
  public static String describe() {
    return "petal " + PROPERTIES.getProperty("version", "unknown") + " (built " + PROPERTIES.getProperty("built", "unknown")
        + ")";
  }

  /** The Maven project version. */
  public static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read io/petal/build.properties", e);
    }
    return p;
  }
}
