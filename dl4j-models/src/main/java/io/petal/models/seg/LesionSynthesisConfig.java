package io.petal.models.seg;

import java.util.Properties;

/**
 * Parameters of {@link SyntheticLesionInserter}: how many lesions, how large, how hot, how textured.
 * Each range is drawn uniformly.
 *
 * @param minLesions fewest lesions drawn per stack, ≥ 1
 * @param maxLesions most lesions drawn per stack
 * @param minRadiusMm smallest base radius r, mm; each half-axis is then drawn in [0.75·r, 1.25·r]
 * @param maxRadiusMm largest base radius, mm
 * @param minContrast smallest lesion-to-background SUV ratio, ≥ 1
 * @param maxContrast largest ratio
 * @param minCtDeltaHu smallest CT change in the lesion, HU (negative: hypodense)
 * @param maxCtDeltaHu largest CT change, HU
 * @param textureAmplitude relative standard deviation of the uptake texture at its lattice nodes
 *     (0: homogeneous lesion)
 * @param textureScaleMm grain size of the texture (lattice spacing of the smooth noise), mm
 * @param edgeMm width of the blurred edge, mm: the lesion's weight falls from 0.73 to 0.27 over
 *     ±edgeMm around its surface (logistic profile)
 * @param hotQuantile a place is refused when the mean SUV under the lesion exceeds this quantile
 *     of the centre slice's body SUV (keeps lesions off and away from the brain, heart, bladder),
 *     in (0, 1]
 * @param minBodyFraction a place is refused when less than this share of the lesion's centre-slice
 *     cross-section is body, in (0, 1]
 * @param maxAttempts places tried per lesion before it is given up
 */
public record LesionSynthesisConfig(
    int minLesions,
    int maxLesions,
    double minRadiusMm,
    double maxRadiusMm,
    double minContrast,
    double maxContrast,
    double minCtDeltaHu,
    double maxCtDeltaHu,
    double textureAmplitude,
    double textureScaleMm,
    double edgeMm,
    double hotQuantile,
    double minBodyFraction,
    int maxAttempts) implements java.io.Serializable {

  public LesionSynthesisConfig {
    require(minLesions >= 1 && maxLesions >= minLesions, "need 1 <= minLesions <= maxLesions, got " + minLesions + ".."
        + maxLesions);
    require(minRadiusMm > 0 && maxRadiusMm >= minRadiusMm && Double.isFinite(maxRadiusMm),
        "need 0 < minRadiusMm <= maxRadiusMm, got " + minRadiusMm + ".." + maxRadiusMm);
    require(minContrast >= 1 && maxContrast >= minContrast && Double.isFinite(maxContrast),
        "need 1 <= minContrast <= maxContrast, got " + minContrast + ".." + maxContrast);
    require(maxCtDeltaHu >= minCtDeltaHu && Double.isFinite(minCtDeltaHu) && Double.isFinite(maxCtDeltaHu),
        "need finite minCtDeltaHu <= maxCtDeltaHu, got " + minCtDeltaHu + ".." + maxCtDeltaHu);
    require(textureAmplitude >= 0 && Double.isFinite(textureAmplitude), "textureAmplitude must be >= 0, got " + textureAmplitude);
    require(textureScaleMm > 0 && Double.isFinite(textureScaleMm), "textureScaleMm must be > 0, got " + textureScaleMm);
    require(edgeMm > 0 && Double.isFinite(edgeMm), "edgeMm must be > 0, got " + edgeMm);
    require(hotQuantile > 0 && hotQuantile <= 1, "hotQuantile must be in (0, 1], got " + hotQuantile);
    require(minBodyFraction > 0 && minBodyFraction <= 1, "minBodyFraction must be in (0, 1], got " + minBodyFraction);
    require(maxAttempts >= 1, "maxAttempts must be >= 1, got " + maxAttempts);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("lesion synthesis config: " + message);
    }
  }

  /**
   * 1-3 lesions of base radius 4-15 mm, contrast 1.5-8, CT change −15..+15 HU, texture 20 % with
   * 4 mm grains, 1 mm edge, kept below the 95th SUV percentile of the body and 95 % inside the
   * body, 50 attempts per lesion.
   */
  public static LesionSynthesisConfig defaults() {
    return new LesionSynthesisConfig(1, 3, 4, 15, 1.5, 8, -15, 15, 0.2, 4, 1, 0.95, 0.95, 50);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** All parameters as string properties, keys prefixed with {@code prefix} (for a model card). */
  public Properties toProperties(String prefix) {
    Properties p = new Properties();
    p.setProperty(prefix + "minLesions", Integer.toString(minLesions));
    p.setProperty(prefix + "maxLesions", Integer.toString(maxLesions));
    p.setProperty(prefix + "minRadiusMm", Double.toString(minRadiusMm));
    p.setProperty(prefix + "maxRadiusMm", Double.toString(maxRadiusMm));
    p.setProperty(prefix + "minContrast", Double.toString(minContrast));
    p.setProperty(prefix + "maxContrast", Double.toString(maxContrast));
    p.setProperty(prefix + "minCtDeltaHu", Double.toString(minCtDeltaHu));
    p.setProperty(prefix + "maxCtDeltaHu", Double.toString(maxCtDeltaHu));
    p.setProperty(prefix + "textureAmplitude", Double.toString(textureAmplitude));
    p.setProperty(prefix + "textureScaleMm", Double.toString(textureScaleMm));
    p.setProperty(prefix + "edgeMm", Double.toString(edgeMm));
    p.setProperty(prefix + "hotQuantile", Double.toString(hotQuantile));
    p.setProperty(prefix + "minBodyFraction", Double.toString(minBodyFraction));
    p.setProperty(prefix + "maxAttempts", Integer.toString(maxAttempts));
    return p;
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private int minLesions;
    private int maxLesions;
    private double minRadiusMm;
    private double maxRadiusMm;
    private double minContrast;
    private double maxContrast;
    private double minCtDeltaHu;
    private double maxCtDeltaHu;
    private double textureAmplitude;
    private double textureScaleMm;
    private double edgeMm;
    private double hotQuantile;
    private double minBodyFraction;
    private int maxAttempts;

    private Builder(LesionSynthesisConfig c) {
      minLesions = c.minLesions;
      maxLesions = c.maxLesions;
      minRadiusMm = c.minRadiusMm;
      maxRadiusMm = c.maxRadiusMm;
      minContrast = c.minContrast;
      maxContrast = c.maxContrast;
      minCtDeltaHu = c.minCtDeltaHu;
      maxCtDeltaHu = c.maxCtDeltaHu;
      textureAmplitude = c.textureAmplitude;
      textureScaleMm = c.textureScaleMm;
      edgeMm = c.edgeMm;
      hotQuantile = c.hotQuantile;
      minBodyFraction = c.minBodyFraction;
      maxAttempts = c.maxAttempts;
    }

    public Builder lesions(int min, int max) { minLesions = min; maxLesions = max; return this; }
    public Builder radiusMm(double min, double max) { minRadiusMm = min; maxRadiusMm = max; return this; }
    public Builder contrast(double min, double max) { minContrast = min; maxContrast = max; return this; }
    public Builder ctDeltaHu(double min, double max) { minCtDeltaHu = min; maxCtDeltaHu = max; return this; }
    public Builder textureAmplitude(double v) { textureAmplitude = v; return this; }
    public Builder textureScaleMm(double v) { textureScaleMm = v; return this; }
    public Builder edgeMm(double v) { edgeMm = v; return this; }
    public Builder hotQuantile(double v) { hotQuantile = v; return this; }
    public Builder minBodyFraction(double v) { minBodyFraction = v; return this; }
    public Builder maxAttempts(int v) { maxAttempts = v; return this; }

    public LesionSynthesisConfig build() {
      return new LesionSynthesisConfig(minLesions, maxLesions, minRadiusMm, maxRadiusMm, minContrast, maxContrast,
          minCtDeltaHu, maxCtDeltaHu, textureAmplitude, textureScaleMm, edgeMm, hotQuantile, minBodyFraction, maxAttempts);
    }
  }
}
