package io.petal.models.translate;

import io.petal.models.ChannelGroups;
import io.petal.models.ConfigProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;

/**
 * Hyper-parameters of the cross-modality translator ({@link TranslationModel}): a generator that
 * maps a source channel group to a target channel group, trained with an L1 term and a patch
 * discriminator; the model card records them all.
 *
 * <p>Shapes: square slices of {@code size × size} pixels. Each source channel contributes
 * {@link #slices()} = 2·{@code neighbours}+1 neighbouring slices (as the segmentation network's
 * input, so that the generator's encoder has the shape of a segmentation branch encoder); the
 * generator predicts the centre slice of every target channel.
 *
 * <p>Generator loss: {@code l1Weight} × mean |G(x) − y| + {@code adversarialWeight} × the
 * non-saturating adversarial term −log D(x, G(x)); discriminator loss: ½ (−log D(x, y) −
 * log(1 − D(x, G(x)))), D's outputs averaged over its patch map. Both networks share one Adam
 * optimizer and are updated simultaneously.
 *
 * @param sourceChannels channel names the generator reads, in input order (e.g. {@code [t1, t1ce]})
 * @param targetChannels channel names it predicts, in output order (e.g. {@code [t2, flair]});
 *     disjoint from the source
 * @param size slice height and width in pixels; divisible by 2^depth and by 2^discriminatorDepth
 * @param neighbours source slices on each side of the centre slice
 * @param baseFilters channels of the generator's first level; level i has baseFilters·2^i
 * @param depth stride-2 levels of the generator's encoder (and 2× levels of its decoder)
 * @param discriminatorFilters channels of the discriminator's first stride-2 conv; conv i has ·2^i
 * @param discriminatorDepth stride-2 convs of the discriminator: its logit map is size/2^depth wide
 * @param l1Weight λ, weight of the L1 term (pix2pix uses 100)
 * @param adversarialWeight weight of the generator's adversarial term; 0 trains on L1 alone
 * @param learningRate Adam learning rate of both networks
 * @param beta1 Adam's first-moment decay (pix2pix uses 0.5)
 * @param seed seed of the initial weights
 */
public record TranslationConfig(
    List<String> sourceChannels,
    List<String> targetChannels,
    int size,
    int neighbours,
    int baseFilters,
    int depth,
    int discriminatorFilters,
    int discriminatorDepth,
    double l1Weight,
    double adversarialWeight,
    double learningRate,
    double beta1,
    long seed) {

  /** Version of the key set written by {@link #toProperties()}. */
  public static final int PROPERTIES_VERSION = 1;

  public TranslationConfig {
    require(sourceChannels != null && !sourceChannels.isEmpty(), "sourceChannels must not be empty");
    require(targetChannels != null && !targetChannels.isEmpty(), "targetChannels must not be empty");
    sourceChannels = List.copyOf(sourceChannels);
    targetChannels = List.copyOf(targetChannels);
    HashSet<String> overlap = new HashSet<>(sourceChannels);
    overlap.retainAll(targetChannels);
    require(overlap.isEmpty(), "source and target share channels " + overlap);
    require(new HashSet<>(sourceChannels).size() == sourceChannels.size(), "sourceChannels repeat a name: " + sourceChannels);
    require(new HashSet<>(targetChannels).size() == targetChannels.size(), "targetChannels repeat a name: " + targetChannels);
    require(depth >= 1 && depth <= 6, "depth must be 1..6, got " + depth);
    require(discriminatorDepth >= 1 && discriminatorDepth <= 6, "discriminatorDepth must be 1..6, got " + discriminatorDepth);
    int multiple = 1 << Math.max(depth, discriminatorDepth);
    require(size >= multiple && size % multiple == 0, "size must be a positive multiple of " + multiple + ", got " + size);
    require(neighbours >= 0 && neighbours <= 8, "neighbours must be 0..8, got " + neighbours);
    require(baseFilters >= 1, "baseFilters must be >= 1, got " + baseFilters);
    require(discriminatorFilters >= 1, "discriminatorFilters must be >= 1, got " + discriminatorFilters);
    require(l1Weight >= 0 && Double.isFinite(l1Weight), "l1Weight must be >= 0, got " + l1Weight);
    require(adversarialWeight >= 0 && Double.isFinite(adversarialWeight), "adversarialWeight must be >= 0, got "
        + adversarialWeight);
    require(l1Weight + adversarialWeight > 0, "l1Weight and adversarialWeight cannot both be 0");
    require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0, got " + learningRate);
    require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("translation config: " + message);
    }
  }

  /** Slices per source channel: 2·neighbours + 1. */
  public int slices() {
    return 2 * neighbours + 1;
  }

  /** Input channels of the generator: every source channel's slices, channel by channel. */
  public int generatorInputChannels() {
    return sourceChannels.size() * slices();
  }

  /** Output channels of the generator: one per target channel. */
  public int generatorOutputChannels() {
    return targetChannels.size();
  }

  /** Side of the discriminator's logit map, pixels: size / 2^discriminatorDepth. */
  public int patchMapSize() {
    return size >> discriminatorDepth;
  }

  /** A builder starting from {@link #defaults}. */
  public static Builder builder(List<String> sourceChannels, List<String> targetChannels) {
    return new Builder(defaults(sourceChannels, targetChannels));
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * As the segmentation defaults where the encoder must match (128×128, one neighbour each side, 16
   * base filters, depth 4); discriminator 16 filters, 3 stride-2 convs (16×16 patch map); λ = 100,
   * adversarial weight 1, Adam 2·10⁻⁴ with β1 = 0.5 (pix2pix), seed 42.
   */
  public static TranslationConfig defaults(List<String> sourceChannels, List<String> targetChannels) {
    return new TranslationConfig(sourceChannels, targetChannels, 128, 1, 16, 4, 16, 3, 100, 1, 2e-4, 0.5, 42L);
  }

  /** All hyper-parameters as string properties (for the model zip and the model card). */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("version", Integer.toString(PROPERTIES_VERSION));
    p.setProperty("sourceChannels", String.join(",", sourceChannels));
    p.setProperty("targetChannels", String.join(",", targetChannels));
    p.setProperty("size", Integer.toString(size));
    p.setProperty("neighbours", Integer.toString(neighbours));
    p.setProperty("baseFilters", Integer.toString(baseFilters));
    p.setProperty("depth", Integer.toString(depth));
    p.setProperty("discriminatorFilters", Integer.toString(discriminatorFilters));
    p.setProperty("discriminatorDepth", Integer.toString(discriminatorDepth));
    p.setProperty("l1Weight", Double.toString(l1Weight));
    p.setProperty("adversarialWeight", Double.toString(adversarialWeight));
    p.setProperty("learningRate", Double.toString(learningRate));
    p.setProperty("beta1", Double.toString(beta1));
    p.setProperty("seed", Long.toString(seed));
    return p;
  }

  /** The inverse of {@link #toProperties()}; fails naming the missing or malformed key. */
  public static TranslationConfig fromProperties(Properties p) {
    int version = ConfigProperties.getInt(p, "version");
    if (version != PROPERTIES_VERSION) {
      throw new IllegalArgumentException("translation config version " + version + " is not supported (this build reads "
          + PROPERTIES_VERSION + ")");
    }
    return new TranslationConfig(
        ChannelGroups.parseChannels(ConfigProperties.get(p, "sourceChannels")),
        ChannelGroups.parseChannels(ConfigProperties.get(p, "targetChannels")),
        ConfigProperties.getInt(p, "size"),
        ConfigProperties.getInt(p, "neighbours"),
        ConfigProperties.getInt(p, "baseFilters"),
        ConfigProperties.getInt(p, "depth"),
        ConfigProperties.getInt(p, "discriminatorFilters"),
        ConfigProperties.getInt(p, "discriminatorDepth"),
        ConfigProperties.getDouble(p, "l1Weight"),
        ConfigProperties.getDouble(p, "adversarialWeight"),
        ConfigProperties.getDouble(p, "learningRate"),
        ConfigProperties.getDouble(p, "beta1"),
        ConfigProperties.getLong(p, "seed"));
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private List<String> sourceChannels;
    private List<String> targetChannels;
    private int size;
    private int neighbours;
    private int baseFilters;
    private int depth;
    private int discriminatorFilters;
    private int discriminatorDepth;
    private double l1Weight;
    private double adversarialWeight;
    private double learningRate;
    private double beta1;
    private long seed;

    private Builder(TranslationConfig c) {
      sourceChannels = c.sourceChannels;
      targetChannels = c.targetChannels;
      size = c.size;
      neighbours = c.neighbours;
      baseFilters = c.baseFilters;
      depth = c.depth;
      discriminatorFilters = c.discriminatorFilters;
      discriminatorDepth = c.discriminatorDepth;
      l1Weight = c.l1Weight;
      adversarialWeight = c.adversarialWeight;
      learningRate = c.learningRate;
      beta1 = c.beta1;
      seed = c.seed;
    }

    public Builder sourceChannels(List<String> v) { sourceChannels = v; return this; }
    public Builder targetChannels(List<String> v) { targetChannels = v; return this; }
    public Builder size(int v) { size = v; return this; }
    public Builder neighbours(int v) { neighbours = v; return this; }
    public Builder baseFilters(int v) { baseFilters = v; return this; }
    public Builder depth(int v) { depth = v; return this; }
    public Builder discriminatorFilters(int v) { discriminatorFilters = v; return this; }
    public Builder discriminatorDepth(int v) { discriminatorDepth = v; return this; }
    public Builder l1Weight(double v) { l1Weight = v; return this; }
    public Builder adversarialWeight(double v) { adversarialWeight = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder beta1(double v) { beta1 = v; return this; }
    public Builder seed(long v) { seed = v; return this; }

    public TranslationConfig build() {
      return new TranslationConfig(sourceChannels, targetChannels, size, neighbours, baseFilters, depth,
          discriminatorFilters, discriminatorDepth, l1Weight, adversarialWeight, learningRate, beta1, seed);
    }
  }
}
