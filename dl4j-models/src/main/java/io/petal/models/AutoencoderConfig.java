package io.petal.models;

import java.util.Locale;
import java.util.Properties;

/**
 * Hyper-parameters of the branched masked autoencoder; the model card records them all.
 *
 * <p>Shapes: inputs are square slices of {@code size × size} pixels. The input channels and their
 * branches are those of {@code channels} ({@link ModelChannels}; PET/CT: a PET and a CT branch).
 * Each branch sees {@link #slices()} = 2·{@code neighbours}+1 neighbouring axial slices of each of
 * its channels (2.5D; 1 slice when {@code neighbours} = 0); the masked branch (PET) gets one more
 * channel, the hidden-voxel indicator, when {@code maskIndicator} is set. Every decoder
 * reconstructs the centre slices of its branch's channels.
 *
 * @param size slice height and width in pixels; divisible by 2^depth
 * @param neighbours slices on each side of the centre slice fed as extra channels
 * @param baseFilters channels of the first encoder level; level i has baseFilters·2^i
 * @param depth number of stride-2 levels in each encoder (and 2× levels in each decoder)
 * @param latentChannels channels of the fused latent, at size/2^depth pixels
 * @param maskIndicator whether the masked branch gets a 0/1 channel marking hidden voxels
 * @param maskFraction fraction of body pixels hidden per training sample, 0 ≤ f < 1
 * @param maskPatchSize largest side of a hidden rectangle, pixels (sides are drawn in [patch/2, patch])
 * @param maskFill normalised value written into hidden voxels of the masked branch
 * @param hotMaskProbability share of training samples whose hot voxels are hidden as well, 0 ≤ p ≤ 1:
 *     the centre-slice voxels where a masked-branch channel lies above a threshold drawn in
 *     [{@value #HOT_THRESHOLD_LOW}, {@value #HOT_THRESHOLD_HIGH}] × {@code hotMaskThreshold}
 *     ({@link HotVoxelMasker}), the holes scoring makes
 * @param hotMaskThreshold masked-branch value around which those thresholds are drawn, in its stack
 *     unit (SUV for PET; a multiple of the study's robust scale for study-relative channels): the
 *     scoring threshold; &gt; 0
 * @param loss pixel loss
 * @param contextLossWeight weight of the reconstruction terms of the branches that are not masked
 *     (CT for PET/CT) relative to the masked branch's term
 * @param hiddenLossWeight weight of hidden body pixels relative to visible body pixels in the
 *     masked branch's term
 * @param learningRate Adam learning rate
 * @param seed seed of the initial weights and of the training masks
 * @param normalisation how SUV and HU become network inputs
 * @param pixelSpacingMm in-plane pixel spacing of the network's input, mm: studies are resampled
 *     to {@code size × size} pixels of this spacing around the centre of their field of view
 *     (a field of view of size·pixelSpacingMm mm), unless the layout fits the grid to each
 *     study's field of view ({@link ModelChannels#networkPixelMm})
 * @param channels the input channels, branches, masked branch and body rule
 */
public record AutoencoderConfig(
    int size,
    int neighbours,
    int baseFilters,
    int depth,
    int latentChannels,
    boolean maskIndicator,
    double maskFraction,
    int maskPatchSize,
    float maskFill,
    double hotMaskProbability,
    double hotMaskThreshold,
    Loss loss,
    double contextLossWeight,
    double hiddenLossWeight,
    double learningRate,
    long seed,
    InputNormalisation normalisation,
    double pixelSpacingMm,
    ModelChannels channels) {

  /** Pixel loss over body voxels. */
  public enum Loss {
    /** Mean squared error. */
    MSE,
    /** Mean absolute error. */
    L1
  }

  /** Lowest hot-voxel threshold of a training sample, as a multiple of {@code hotMaskThreshold}. */
  public static final double HOT_THRESHOLD_LOW = 0.75;
  /** Highest hot-voxel threshold of a training sample, as a multiple of {@code hotMaskThreshold}. */
  public static final double HOT_THRESHOLD_HIGH = 1.5;
  /** Default {@code hotMaskThreshold}: SUV 2.5, the default scoring threshold of PET/CT. */
  public static final double DEFAULT_HOT_MASK_THRESHOLD_SUV = 2.5;

  /** Version of the key set written by {@link #toProperties()}. */
  public static final int PROPERTIES_VERSION = 3;

  public AutoencoderConfig {
    require(pixelSpacingMm > 0 && Double.isFinite(pixelSpacingMm), "pixelSpacingMm must be positive, got " + pixelSpacingMm);
    require(depth >= 1 && depth <= 6, "depth must be 1..6, got " + depth);
    require(size >= 1 << depth && size % (1 << depth) == 0,
        "size must be a positive multiple of 2^depth = " + (1 << depth) + ", got " + size);
    require(neighbours >= 0 && neighbours <= 8, "neighbours must be 0..8, got " + neighbours);
    require(baseFilters >= 1, "baseFilters must be >= 1, got " + baseFilters);
    require(latentChannels >= 1, "latentChannels must be >= 1, got " + latentChannels);
    require(maskFraction >= 0 && maskFraction < 1, "maskFraction must be in [0, 1), got " + maskFraction);
    require(maskPatchSize >= 1 && maskPatchSize <= size, "maskPatchSize must be 1..size, got " + maskPatchSize);
    require(Float.isFinite(maskFill), "maskFill must be finite, got " + maskFill);
    require(hotMaskProbability >= 0 && hotMaskProbability <= 1,
        "hotMaskProbability must be in [0, 1], got " + hotMaskProbability);
    require(hotMaskThreshold > 0 && Double.isFinite(hotMaskThreshold),
        "hotMaskThreshold must be positive, got " + hotMaskThreshold);
    require(loss != null, "loss must be set");
    require(contextLossWeight >= 0 && Double.isFinite(contextLossWeight),
        "contextLossWeight must be >= 0, got " + contextLossWeight);
    require(hiddenLossWeight >= 0 && Double.isFinite(hiddenLossWeight), "hiddenLossWeight must be >= 0, got " + hiddenLossWeight);
    require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0, got " + learningRate);
    require(normalisation != null, "normalisation must be set");
    require(channels != null, "channels must be set");
    require(!channels.planar() || neighbours == 0, "planar views have no neighbours: neighbours must be 0, got "
        + neighbours);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("autoencoder config: " + message);
    }
  }

  /** Slices per input channel: 2·neighbours + 1. */
  public int slices() {
    return 2 * neighbours + 1;
  }

  /**
   * Input channels of branch {@code g}: the slices of each of its channels, plus the indicator
   * channel for the masked branch if enabled.
   */
  public int branchInputChannels(int g) {
    return slices() * channels.groups().get(g).size() + (g == channels.maskedGroup() && maskIndicator ? 1 : 0);
  }

  /** Channels of encoder level {@code level} (0-based): baseFilters·2^level. */
  public int levelFilters(int level) {
    return baseFilters << level;
  }

  /** Height and width of the latent: size / 2^depth. */
  public int latentSize() {
    return size >> depth;
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
   * 128×128 slices, one neighbour on each side (3 slices), 16 base filters, depth 3, 64 latent
   * channels at 16×16, indicator channel on, 25% of the body hidden in rectangles of up to 16
   * pixels filled with 0, no hot-voxel hiding (probability 0 around SUV 2.5: hiding them in half the
   * samples lowered the held-out pixel AUROC from 0.869 to 0.685, benchmarks/README.md), MSE, CT term weight 0.5, hidden pixels weighted like visible ones,
   * Adam 1e-3, seed 42, {@link InputNormalisation#DEFAULT}, 4 mm pixels (a 512 mm field of view),
   * PET/CT channels ({@link ModelChannels#petCt()}).
   */
  public static AutoencoderConfig defaults() {
    return new AutoencoderConfig(128, 1, 16, 3, 64, true, 0.25, 16, 0f, 0.0,
        DEFAULT_HOT_MASK_THRESHOLD_SUV, Loss.MSE, 0.5, 1.0, 1e-3, 42L,
        InputNormalisation.DEFAULT, 4.0, ModelChannels.petCt());
  }

  /** All hyper-parameters as string properties (for the model zip and the model card). */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("version", Integer.toString(PROPERTIES_VERSION));
    p.setProperty("size", Integer.toString(size));
    p.setProperty("neighbours", Integer.toString(neighbours));
    p.setProperty("baseFilters", Integer.toString(baseFilters));
    p.setProperty("depth", Integer.toString(depth));
    p.setProperty("latentChannels", Integer.toString(latentChannels));
    p.setProperty("maskIndicator", Boolean.toString(maskIndicator));
    p.setProperty("maskFraction", Double.toString(maskFraction));
    p.setProperty("maskPatchSize", Integer.toString(maskPatchSize));
    p.setProperty("maskFill", Float.toString(maskFill));
    p.setProperty("hotMaskProbability", Double.toString(hotMaskProbability));
    p.setProperty("hotMaskThreshold", Double.toString(hotMaskThreshold));
    p.setProperty("loss", loss.name());
    p.setProperty("contextLossWeight", Double.toString(contextLossWeight));
    p.setProperty("hiddenLossWeight", Double.toString(hiddenLossWeight));
    p.setProperty("learningRate", Double.toString(learningRate));
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("pixelSpacingMm", Double.toString(pixelSpacingMm));
    normalisation.writeTo(p, "normalisation.");
    channels.writeTo(p, "channels.");
    return p;
  }

  /** The inverse of {@link #toProperties()}; fails naming the missing or malformed key. */
  public static AutoencoderConfig fromProperties(Properties p) {
    int version = ConfigProperties.getInt(p, "version");
    if (version != PROPERTIES_VERSION) {
      throw new IllegalArgumentException("autoencoder config version " + version + " is not supported (this build reads "
          + PROPERTIES_VERSION + (version < PROPERTIES_VERSION ? "; retrain the model with this build)"
          : ")"));
    }
    String lossName = ConfigProperties.get(p, "loss").toUpperCase(Locale.ROOT);
    Loss loss;
    try {
      loss = Loss.valueOf(lossName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("model configuration key 'loss' is not one of MSE, L1: " + lossName, e);
    }
    return new AutoencoderConfig(
        ConfigProperties.getInt(p, "size"),
        ConfigProperties.getInt(p, "neighbours"),
        ConfigProperties.getInt(p, "baseFilters"),
        ConfigProperties.getInt(p, "depth"),
        ConfigProperties.getInt(p, "latentChannels"),
        ConfigProperties.getBoolean(p, "maskIndicator"),
        ConfigProperties.getDouble(p, "maskFraction"),
        ConfigProperties.getInt(p, "maskPatchSize"),
        (float) ConfigProperties.getDouble(p, "maskFill"),
        ConfigProperties.getDouble(p, "hotMaskProbability"),
        ConfigProperties.getDouble(p, "hotMaskThreshold"),
        loss,
        ConfigProperties.getDouble(p, "contextLossWeight"),
        ConfigProperties.getDouble(p, "hiddenLossWeight"),
        ConfigProperties.getDouble(p, "learningRate"),
        ConfigProperties.getLong(p, "seed"),
        InputNormalisation.readFrom(p, "normalisation."),
        ConfigProperties.getDouble(p, "pixelSpacingMm"),
        ModelChannels.readFrom(p, "channels."));
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private int size;
    private int neighbours;
    private int baseFilters;
    private int depth;
    private int latentChannels;
    private boolean maskIndicator;
    private double maskFraction;
    private int maskPatchSize;
    private float maskFill;
    private double hotMaskProbability;
    private double hotMaskThreshold;
    private Loss loss;
    private double contextLossWeight;
    private double hiddenLossWeight;
    private double learningRate;
    private long seed;
    private InputNormalisation normalisation;
    private double pixelSpacingMm;
    private ModelChannels channels;

    private Builder(AutoencoderConfig c) {
      size = c.size;
      neighbours = c.neighbours;
      baseFilters = c.baseFilters;
      depth = c.depth;
      latentChannels = c.latentChannels;
      maskIndicator = c.maskIndicator;
      maskFraction = c.maskFraction;
      maskPatchSize = c.maskPatchSize;
      maskFill = c.maskFill;
      hotMaskProbability = c.hotMaskProbability;
      hotMaskThreshold = c.hotMaskThreshold;
      loss = c.loss;
      contextLossWeight = c.contextLossWeight;
      hiddenLossWeight = c.hiddenLossWeight;
      learningRate = c.learningRate;
      seed = c.seed;
      normalisation = c.normalisation;
      pixelSpacingMm = c.pixelSpacingMm;
      channels = c.channels;
    }

    public Builder size(int v) { size = v; return this; }
    public Builder neighbours(int v) { neighbours = v; return this; }
    public Builder baseFilters(int v) { baseFilters = v; return this; }
    public Builder depth(int v) { depth = v; return this; }
    public Builder latentChannels(int v) { latentChannels = v; return this; }
    public Builder maskIndicator(boolean v) { maskIndicator = v; return this; }
    public Builder maskFraction(double v) { maskFraction = v; return this; }
    public Builder maskPatchSize(int v) { maskPatchSize = v; return this; }
    public Builder maskFill(float v) { maskFill = v; return this; }
    public Builder hotMaskProbability(double v) { hotMaskProbability = v; return this; }
    public Builder hotMaskThreshold(double v) { hotMaskThreshold = v; return this; }
    public Builder loss(Loss v) { loss = v; return this; }
    public Builder contextLossWeight(double v) { contextLossWeight = v; return this; }
    public Builder hiddenLossWeight(double v) { hiddenLossWeight = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder normalisation(InputNormalisation v) { normalisation = v; return this; }
    public Builder pixelSpacingMm(double v) { pixelSpacingMm = v; return this; }
    public Builder channels(ModelChannels v) { channels = v; return this; }

    public AutoencoderConfig build() {
      return new AutoencoderConfig(size, neighbours, baseFilters, depth, latentChannels, maskIndicator, maskFraction,
          maskPatchSize, maskFill, hotMaskProbability, hotMaskThreshold, loss, contextLossWeight, hiddenLossWeight, learningRate, seed, normalisation,
          pixelSpacingMm, channels);
    }
  }
}
