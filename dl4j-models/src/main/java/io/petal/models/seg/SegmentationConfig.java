package io.petal.models.seg;

import io.petal.models.ChannelGroups;
import io.petal.models.ConfigProperties;
import io.petal.models.InputNormalisation;
import io.petal.models.ModelChannels;
import io.petal.models.text.TextFusionConfig;
import java.util.Properties;

/**
 * Hyper-parameters of the segmentation U-Net ({@link UNet}, {@link SegmentationModel}); the
 * model card records them all.
 *
 * <p>Shapes: inputs are square slices of {@code size × size} pixels. Each input channel of the
 * layout ({@code channels}; PET/CT: PET and CT) contributes {@link #slices()} = 2·{@code
 * neighbours}+1 neighbouring slices as channels (2.5D); the anomaly prior, when {@code usePrior}
 * is set, adds one channel (the centre slice's anomaly map). The network predicts each output
 * region of the layout ({@link #regions()}; PET/CT: {@code lesion}) in the centre slice, one
 * sigmoid per region (regions may nest).
 *
 * <p>Loss: {@code diceWeight} × (1 − soft Dice, per slice and region, averaged over the (slice,
 * region) pairs where the region is present) + {@code bceWeight} × binary cross-entropy (mean over
 * pixels and regions, region pixels weighted by {@code positiveWeight}).
 *
 * @param size slice height and width in pixels; divisible by 2^depth
 * @param neighbours slices on each side of the centre slice fed as extra channels of every input
 * @param baseFilters channels at full resolution; level i has baseFilters·2^i
 * @param depth number of stride-2 levels of the encoder (and 2× levels of the decoder)
 * @param usePrior whether the anomaly prior is an input channel (off for the ablation)
 * @param priorScale prior value that maps to network input 1.0 (for a PET residual in SUV: the
 *     residual that is clearly abnormal; the autoencoder's {@link ModelChannels#anomalyScale()})
 * @param priorClip prior values above this are clipped (same unit as the prior)
 * @param diceWeight weight of the soft-Dice term, ≥ 0
 * @param bceWeight weight of the cross-entropy term, ≥ 0 (not both 0). Default 10: the Dice
 *     term ignores lesion-free slices, so false positives there are the cross-entropy's alone to
 *     punish, and at weight 1 its mean over every pixel weighed too little (held-out synthetic
 *     PET/CT patients, 6 epochs: Dice 0.38 → 0.64, false-positive volume 219 → 74 mL;
 *     benchmarks/README.md)
 * @param positiveWeight weight of region pixels relative to background pixels in the cross-entropy
 * @param learningRate Adam learning rate
 * @param seed seed of the initial weights
 * @param normalisation how SUV and HU become network inputs (as for the autoencoder)
 * @param channels the input channels and output regions (as for the autoencoder)
 * @param channelGroups empty for the plain {@link UNet} over all channels at once; otherwise the
 *     {@link FusionUNet}, one encoder branch per group of the layout's channels (the groups must
 *     cover them, checked when the network is built: a command line may set the groups before the
 *     layout is known; the prior, when used, gets a branch of its own)
 * @param text the report-text path: whether each sample's report features condition the decoder
 *     (FiLM, {@link io.petal.models.text.TextConditioning}), their length D and the hidden width
 */
public record SegmentationConfig(
    int size,
    int neighbours,
    int baseFilters,
    int depth,
    boolean usePrior,
    double priorScale,
    double priorClip,
    double diceWeight,
    double bceWeight,
    double positiveWeight,
    double learningRate,
    long seed,
    InputNormalisation normalisation,
    ModelChannels channels,
    ChannelGroups channelGroups,
    TextFusionConfig text) {

  /** Version of the key set written by {@link #toProperties()} (2: channel layouts and report text). */
  public static final int PROPERTIES_VERSION = 2;

  public SegmentationConfig {
    require(depth >= 1 && depth <= 6, "depth must be 1..6, got " + depth);
    require(size >= 1 << depth && size % (1 << depth) == 0,
        "size must be a positive multiple of 2^depth = " + (1 << depth) + ", got " + size);
    require(neighbours >= 0 && neighbours <= 8, "neighbours must be 0..8, got " + neighbours);
    require(baseFilters >= 1, "baseFilters must be >= 1, got " + baseFilters);
    require(priorScale > 0 && Double.isFinite(priorScale), "priorScale must be > 0, got " + priorScale);
    require(priorClip > 0 && Double.isFinite(priorClip), "priorClip must be > 0, got " + priorClip);
    require(diceWeight >= 0 && Double.isFinite(diceWeight), "diceWeight must be >= 0, got " + diceWeight);
    require(bceWeight >= 0 && Double.isFinite(bceWeight), "bceWeight must be >= 0, got " + bceWeight);
    require(diceWeight + bceWeight > 0, "diceWeight and bceWeight cannot both be 0");
    require(positiveWeight > 0 && Double.isFinite(positiveWeight), "positiveWeight must be > 0, got " + positiveWeight);
    require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0, got " + learningRate);
    require(normalisation != null, "normalisation must be set");
    require(channels != null, "channels must be set");
    require(!channels.planar() || neighbours == 0, "planar views have no neighbours: neighbours must be 0, got "
        + neighbours);
    require(channelGroups != null, "channelGroups must be set (ChannelGroups.NONE for the plain U-Net)");
    require(text != null, "text must be set (TextFusionConfig.OFF for none)");
    require(!(text.enabled() && !channelGroups.isEmpty()), "report text conditions the plain U-Net only; the fusion "
        + "U-Net (channel groups " + channelGroups.format() + ") has no text path");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("segmentation config: " + message);
    }
  }

  /** Slices per input channel: 2·neighbours + 1. */
  public int slices() {
    return 2 * neighbours + 1;
  }

  /** Whether the network is the {@link FusionUNet} (channel groups set) rather than the plain {@link UNet}. */
  public boolean fusion() {
    return !channelGroups.isEmpty();
  }

  /** Input channels of the network: the slices of each layout channel (PET, then CT), and the prior if used. */
  public int inputChannels() {
    return channels.count() * slices() + (usePrior ? 1 : 0);
  }

  /** Output regions K: one logit per region ({@link ModelChannels#regions()}). */
  public int regions() {
    return channels.regions().size();
  }

  /** Channels of level {@code level} (0 = full resolution): baseFilters·2^level. */
  public int levelFilters(int level) {
    return baseFilters << level;
  }

  /** Network value of an anomaly-prior value: clamp(prior, 0, priorClip) / priorScale; NaN → 0. */
  public float prior(float value) {
    return (value > 0 ? (float) Math.min(value, priorClip) : 0f) * (float) (1 / priorScale);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * 128×128 slices, one neighbour on each side (3 PET + 3 CT slices), prior on (SUV residual 2.5
   * → 1, clipped at 10), 16 base filters, depth 4 (8×8 at the bottom), Dice and cross-entropy
   * weighted 1:1, no extra lesion weight, Adam 1e-3, seed 42, {@link InputNormalisation#DEFAULT},
   * PET/CT channels ({@link ModelChannels#petCt()}), report text off ({@link TextFusionConfig#OFF}).
   */
  public static SegmentationConfig defaults() {
    return new SegmentationConfig(128, 1, 16, 4, true, 2.5, 10, 1.0, 10.0, 1.0, 1e-3, 42L, InputNormalisation.DEFAULT,
        ModelChannels.petCt(), ChannelGroups.NONE, TextFusionConfig.OFF);
  }

  /** All hyper-parameters as string properties (for the model zip and the model card). */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("version", Integer.toString(PROPERTIES_VERSION));
    p.setProperty("size", Integer.toString(size));
    p.setProperty("neighbours", Integer.toString(neighbours));
    p.setProperty("baseFilters", Integer.toString(baseFilters));
    p.setProperty("depth", Integer.toString(depth));
    p.setProperty("usePrior", Boolean.toString(usePrior));
    p.setProperty("priorScale", Double.toString(priorScale));
    p.setProperty("priorClip", Double.toString(priorClip));
    p.setProperty("diceWeight", Double.toString(diceWeight));
    p.setProperty("bceWeight", Double.toString(bceWeight));
    p.setProperty("positiveWeight", Double.toString(positiveWeight));
    p.setProperty("learningRate", Double.toString(learningRate));
    p.setProperty("seed", Long.toString(seed));
    normalisation.writeTo(p, "normalisation.");
    channels.writeTo(p, "channels.");
    p.setProperty("channelGroups", channelGroups.format());
    text.writeTo(p, "text.");
    return p;
  }

  /** The inverse of {@link #toProperties()}; fails naming the missing or malformed key. */
  public static SegmentationConfig fromProperties(Properties p) {
    int version = ConfigProperties.getInt(p, "version");
    if (version != PROPERTIES_VERSION) {
      throw new IllegalArgumentException("segmentation config version " + version + " is not supported (this build reads "
          + PROPERTIES_VERSION + (version < PROPERTIES_VERSION ? ", with channel layouts; retrain the model with this build)"
          : ")"));
    }
    return new SegmentationConfig(
        ConfigProperties.getInt(p, "size"),
        ConfigProperties.getInt(p, "neighbours"),
        ConfigProperties.getInt(p, "baseFilters"),
        ConfigProperties.getInt(p, "depth"),
        ConfigProperties.getBoolean(p, "usePrior"),
        ConfigProperties.getDouble(p, "priorScale"),
        ConfigProperties.getDouble(p, "priorClip"),
        ConfigProperties.getDouble(p, "diceWeight"),
        ConfigProperties.getDouble(p, "bceWeight"),
        ConfigProperties.getDouble(p, "positiveWeight"),
        ConfigProperties.getDouble(p, "learningRate"),
        ConfigProperties.getLong(p, "seed"),
        InputNormalisation.readFrom(p, "normalisation."),
        ModelChannels.readFrom(p, "channels."),
        ChannelGroups.parse(p.getProperty("channelGroups", "")), // absent in zips written before the fusion U-Net
        TextFusionConfig.readFrom(p, "text."));
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private int size;
    private int neighbours;
    private int baseFilters;
    private int depth;
    private boolean usePrior;
    private double priorScale;
    private double priorClip;
    private double diceWeight;
    private double bceWeight;
    private double positiveWeight;
    private double learningRate;
    private long seed;
    private InputNormalisation normalisation;
    private ModelChannels channels;
    private ChannelGroups channelGroups;
    private TextFusionConfig text;

    private Builder(SegmentationConfig c) {
      size = c.size;
      neighbours = c.neighbours;
      baseFilters = c.baseFilters;
      depth = c.depth;
      usePrior = c.usePrior;
      priorScale = c.priorScale;
      priorClip = c.priorClip;
      diceWeight = c.diceWeight;
      bceWeight = c.bceWeight;
      positiveWeight = c.positiveWeight;
      learningRate = c.learningRate;
      seed = c.seed;
      normalisation = c.normalisation;
      channels = c.channels;
      channelGroups = c.channelGroups;
      text = c.text;
    }

    public Builder size(int v) { size = v; return this; }
    public Builder neighbours(int v) { neighbours = v; return this; }
    public Builder baseFilters(int v) { baseFilters = v; return this; }
    public Builder depth(int v) { depth = v; return this; }
    public Builder usePrior(boolean v) { usePrior = v; return this; }
    public Builder priorScale(double v) { priorScale = v; return this; }
    public Builder priorClip(double v) { priorClip = v; return this; }
    public Builder diceWeight(double v) { diceWeight = v; return this; }
    public Builder bceWeight(double v) { bceWeight = v; return this; }
    public Builder positiveWeight(double v) { positiveWeight = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder normalisation(InputNormalisation v) { normalisation = v; return this; }
    public Builder channels(ModelChannels v) { channels = v; return this; }
    public Builder channelGroups(ChannelGroups v) { channelGroups = v; return this; }
    public Builder text(TextFusionConfig v) { text = v; return this; }

    public SegmentationConfig build() {
      return new SegmentationConfig(size, neighbours, baseFilters, depth, usePrior, priorScale, priorClip, diceWeight,
          bceWeight, positiveWeight, learningRate, seed, normalisation, channels, channelGroups, text);
    }
  }
}
