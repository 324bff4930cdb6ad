package io.petal.models;

import java.util.Properties;

/**
 * Reading typed values from {@link Properties}, failing with the key's name when one is missing or
 * malformed. Shared by the model configurations ({@link AutoencoderConfig}, the segmentation config).
 */
public final class ConfigProperties {
  private ConfigProperties() {}

  public static String get(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("model configuration lacks key '" + key + "'");
    }
    return v.trim();
  }

  public static int getInt(Properties p, String key) {
    try {
      return Integer.parseInt(get(p, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("model configuration key '" + key + "' is not an integer: " + p.getProperty(key), e);
    }
  }

  public static long getLong(Properties p, String key) {
    try {
      return Long.parseLong(get(p, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("model configuration key '" + key + "' is not an integer: " + p.getProperty(key), e);
    }
  }

  public static double getDouble(Properties p, String key) {
    try {
      return Double.parseDouble(get(p, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("model configuration key '" + key + "' is not a number: " + p.getProperty(key), e);
    }
  }

  public static boolean getBoolean(Properties p, String key) {
    String v = get(p, key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("model configuration key '" + key + "' is not true/false: " + v);
    }
    return Boolean.parseBoolean(v);
  }
}
