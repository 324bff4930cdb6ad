package io.petal.models.seg;

import io.petal.models.ConfigProperties;
import io.petal.models.InputNormalisation;
import java.util.Properties;

/**
 * Hyper-parameters of the lesion-segmentation U-Net ({@link UNet}, {@link SegmentationModel}); the
 * model card records them all.
 *
 * <p>Shapes: inputs are square slices of {@code size × size} pixels. PET and CT each contribute
 * {@link #slices()} = 2·{@code neighbours}+1 neighbouring axial slices as channels (2.5D); the
 * anomaly prior, when {@code usePrior} is set, adds one channel (the centre slice's anomaly map).
 * The network predicts the lesion label of the centre slice.
 *
 * <p>Loss: {@code diceWeight} × (1 − soft Dice, per slice, averaged over the batch's slices with a lesion) +
 * {@code bceWeight} × binary cross-entropy (mean over pixels, lesion pixels weighted by
 * {@code positiveWeight}).
 *
 * @param size slice height and width in pixels; divisible by 2^depth
 * @param neighbours slices on each side of the centre slice fed as extra PET and CT channels
 * @param baseFilters channels at full resolution; level i has baseFilters·2^i
 * @param depth number of stride-2 levels of the encoder (and 2× levels of the decoder)
 * @param usePrior whether the anomaly prior is an input channel (off for the ablation)
 * @param priorScale prior value that maps to network input 1.0 (for a PET residual in SUV: the
 *     residual that is clearly abnormal)
 * @param priorClip prior values above this are clipped (same unit as the prior)
 * @param diceWeight weight of the soft-Dice term, ≥ 0
 * @param bceWeight weight of the cross-entropy term, ≥ 0 (not both 0)
 * @param positiveWeight weight of lesion pixels relative to background pixels in the cross-entropy
 * @param learningRate Adam learning rate
 * @param seed seed of the initial weights
 * @param normalisation how SUV and HU become network inputs (as for the autoencoder)
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
    InputNormalisation normalisation) {

  /** Version of the key set written by {@link #toProperties()}. */
  public static final int PROPERTIES_VERSION = 1;

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
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("segmentation config: " + message);
    }
  }

  /** Slices per modality: 2·neighbours + 1. */
  public int slices() {
    return 2 * neighbours + 1;
  }

  /** Input channels of the network: PET slices, CT slices, and the prior if used. */
  public int inputChannels() {
    return 2 * slices() + (usePrior ? 1 : 0);
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
   * weighted 1:1, no extra lesion weight, Adam 1e-3, seed 42, {@link InputNormalisation#DEFAULT}.
   */
  public static SegmentationConfig defaults() {
    return new SegmentationConfig(128, 1, 16, 4, true, 2.5, 10, 1.0, 1.0, 1.0, 1e-3, 42L, InputNormalisation.DEFAULT);
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
    return p;
  }

  /** The inverse of {@link #toProperties()}; fails naming the missing or malformed key. */
  public static SegmentationConfig fromProperties(Properties p) {
    int version = ConfigProperties.getInt(p, "version");
    if (version != PROPERTIES_VERSION) {
      throw new IllegalArgumentException("segmentation config version " + version + " is not supported (this build reads "
          + PROPERTIES_VERSION + ")");
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
        InputNormalisation.readFrom(p, "normalisation."));
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

    public SegmentationConfig build() {
      return new SegmentationConfig(size, neighbours, baseFilters, depth, usePrior, priorScale, priorClip, diceWeight,
          bceWeight, positiveWeight, learningRate, seed, normalisation);
    }
  }
}
