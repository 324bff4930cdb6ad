package io.petal.models.text;

import io.petal.models.ConfigProperties;
import java.util.Properties;

/**
 * Settings of the report-text path of the segmentation network ({@link TextConditioning}).
 *
 * @param enabled whether the network takes a report's features (off: the image-only network)
 * @param vocabularySize D, the length of a report's TF-IDF vector ({@link ReportVocabulary}), 1..65536
 * @param hiddenWidth H, the units of the dense layer over the TF-IDF vector, 1..4096
 */
public record TextFusionConfig(boolean enabled, int vocabularySize, int hiddenWidth) {
  /** Text off, with the default sizes for when it is switched on. */
  public static final TextFusionConfig OFF = new TextFusionConfig(false, 1024, 32);

  public TextFusionConfig {
    if (vocabularySize < 1 || vocabularySize > 1 << 16) {
      throw new IllegalArgumentException("text vocabularySize must be 1..65536, got " + vocabularySize);
    }
    if (hiddenWidth < 1 || hiddenWidth > 4096) {
      throw new IllegalArgumentException("text hiddenWidth must be 1..4096, got " + hiddenWidth);
    }
  }

  /** The same sizes with the text path switched on or off. */
  public TextFusionConfig withEnabled(boolean on) {
    return new TextFusionConfig(on, vocabularySize, hiddenWidth);
  }

  /** Writes {@code <prefix>enabled}, {@code <prefix>vocabularySize}, {@code <prefix>hiddenWidth}. */
  public void writeTo(Properties p, String prefix) {
    p.setProperty(prefix + "enabled", Boolean.toString(enabled));
    p.setProperty(prefix + "vocabularySize", Integer.toString(vocabularySize));
    p.setProperty(prefix + "hiddenWidth", Integer.toString(hiddenWidth));
  }

  /**
   * The inverse of {@link #writeTo}; {@link #OFF} when {@code <prefix>enabled} is absent (models
   * saved before the text path existed). Fails naming a missing or malformed key otherwise.
   */
  public static TextFusionConfig readFrom(Properties p, String prefix) {
    if (p.getProperty(prefix + "enabled") == null) {
      return OFF;
    }
    return new TextFusionConfig(ConfigProperties.getBoolean(p, prefix + "enabled"),
        ConfigProperties.getInt(p, prefix + "vocabularySize"), ConfigProperties.getInt(p, prefix + "hiddenWidth"));
  }
}
