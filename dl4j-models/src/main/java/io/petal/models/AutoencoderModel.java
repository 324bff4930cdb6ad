package io.petal.models;

import io.petal.models.nn.AdamOptimizer;
import io.petal.models.nn.GradientAccumulator;
import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The branched masked autoencoder with its optimizer: what a Spark task trains on its partition
 * and what scoring runs.
 *
 * <p><b>Array layout.</b> The images are one float array per input channel of the configuration's
 * layout ({@link AutoencoderConfig#channels()}, PET/CT: PET in SUV then CT in HU), each
 * [batch, slices, size, size], x fastest (NCHW, as slices are stored), slices =
 * {@link AutoencoderConfig#slices()} neighbouring slices with the centre slice in the middle, in
 * the channel's stack units ({@link ChannelScaling}). Masks are 0/1 floats. Normalisation happens
 * inside, and the reconstruction comes back in stack units. The two-array methods are the same for
 * a two-channel layout (PET, CT).
 *
 * <p><b>Training.</b> Each {@link #fitBatch} hides random rectangles covering
 * {@link AutoencoderConfig#maskFraction()} of each slice's body from the masked branch (PET), in
 * a share {@link AutoencoderConfig#hotMaskProbability()} of the samples also its hot voxels
 * ({@link HotVoxelMasker}), and takes one Adam step on the body-weighted reconstruction loss of its centre slices (plus
 * {@code contextLossWeight} × that of every other branch). Masks are drawn from (seed, iteration),
 * so a run is reproducible, and a model resumed at iteration k draws what an uninterrupted one
 * would.
 *
 * <p><b>Parameter averaging.</b> {@link #getParams()}/{@link #setParams} (and the optimizer
 * state) are flat float vectors in a fixed order ({@link #parameterNames()}).
 *
 * Executors that train copies of one model draw the same mask sequence unless each gets its own
 * {@code seed} (then broadcast the initial parameters with {@link #setParams}).
 *
 * <p><b>Speed.</b> A batch is processed in passes of at most {@link #microBatchLimit()} slices
 * whose gradients are summed before the single Adam step (same update as one pass). Native
 * buffers are kept per pass size, so a fixed batch size allocates nothing after the first step.
 * libnd4j reads its thread count once, from {@code OMP_NUM_THREADS} (default: all cores); set it
 * to the cores of one Spark task.
 *
 * <p>Not thread-safe: one model per task thread.
 */
public final class AutoencoderModel implements TrainableModel {
  private static final Logger LOG = LoggerFactory.getLogger(AutoencoderModel.class);
  /** The {@link ModelArchive} kind of autoencoder zips. */
  static final String ARCHIVE_KIND = "autoencoder";
  private static final long MASK_STREAM = 0x9E3779B97F4A7C15L;
  /**
   * Pixels per pass (slices × size²) by default: 2^18, i.e. 16 slices of 128×128 or 64 of 64×64.
   * Larger passes let the activations outgrow the CPU caches: on the 2-core benchmark machine a
   * batch of 32 slices of 128×128 took 327 ms per step in one pass and 204 ms in two passes of 16
   * (8 and 4 per pass: no better). See benchmarks/ae_train_vs_pytorch/NOTES.md.
   */
  public static final int MICRO_BATCH_PIXELS = 1 << 18;

  private final AutoencoderConfig config;
  private final ParameterStore params;
  private final BranchedAutoencoder network;
  private final AdamOptimizer optimizer;
  private final BatchAssembler assembler;
  private final RegionMasker masker;
  private final HotVoxelMasker hotMasker;
  private final int[] maskedChannels;
  private final ReconstructionLoss[] losses;
  private float[] hidden = new float[0];
  private final GradientAccumulator gradientSum;
  private int microBatchLimit;

  private AutoencoderModel(AutoencoderConfig config) {
    this.config = config;
    ParameterStore.Builder builder = ParameterStore.builder();
    this.network = new BranchedAutoencoder(config, builder);
    this.params = builder.build(config.seed());
    this.optimizer = new AdamOptimizer(params, config.learningRate());
    this.assembler = new BatchAssembler(config);
    this.masker = new RegionMasker(config.size(), config.maskFraction(), config.maskPatchSize());
    this.hotMasker = new HotVoxelMasker(config.size(), config.slices(), config.hotMaskProbability(),
        config.hotMaskThreshold());
    this.maskedChannels = config.channels().group(config.channels().maskedGroup());
    int branches = config.channels().groups().size();
    this.losses = new ReconstructionLoss[branches];
    for (int g = 0; g < branches; g++) {
      losses[g] = new ReconstructionLoss(config.loss(), weight(g));
    }
    this.microBatchLimit = Math.max(1, MICRO_BATCH_PIXELS / (config.size() * config.size()));
    this.gradientSum = new GradientAccumulator(params);
  }

  /** A freshly initialised model (weights from {@code config.seed()}). */
  public static AutoencoderModel create(AutoencoderConfig config) {
    AutoencoderModel model = new AutoencoderModel(config);
    ModelChannels channels = config.channels();
    StringBuilder branches = new StringBuilder();
    for (int g = 0; g < channels.groups().size(); g++) {
      branches.append(g == 0 ? "" : ", ").append(channels.branchName(g)).append(' ')
          .append(config.branchInputChannels(g));
    }
    LOG.info("autoencoder ({}): {} parameters, input {}x{}, branch input channels: {}", channels.kind(),
        model.parameterCount(), config.size(), config.size(), branches);
    return model;
  }

  /** Weight of branch g's term in the total loss: 1 for the masked branch, contextLossWeight for the others. */
  private double weight(int g) {
    return g == config.channels().maskedGroup() ? 1.0 : config.contextLossWeight();
  }

  public AutoencoderConfig config() {
    return config;
  }

  /** {@link AutoencoderConfig#toProperties()}. */
  @Override
  public Properties configProperties() {
    return config.toProperties();
  }

  /**
   * One training step on a batch of normal slices.
   *
   * @param images per input channel, [batch, slices, size, size] in stack units
   * @param bodyMask [batch, size, size] 0/1 body mask of the centre slices, or null to derive it
   *     from the body channel's centre slices ({@link ModelChannels#bodyRule})
   * @return the step's losses (before the update)
   */
  public StepLoss fitBatch(float[][] images, float[] bodyMask, int batch) {
    checkImages(images, batch);
    int plane = config.size() * config.size();
    float[] body = bodyMask != null ? checkLength("bodyMask", bodyMask, batch * plane) : centreBody(images, batch);
    if (hidden.length < batch * plane) {
      hidden = new float[batch * plane];
    }
    SplittableRandom random = new SplittableRandom(config.seed() + MASK_STREAM * (optimizer.iteration() + 1));
    for (int n = 0; n < batch; n++) {
      masker.draw(body, n * plane, random, hidden, n * plane);
      hotMasker.draw(images, maskedChannels, n, random, hidden, n * plane);
    }
    double[] weightSums = assembler.weightSums(body, hidden, batch);
    double[] terms = new double[losses.length];
    INDArray[] gradients = new INDArray[losses.length];
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      BatchAssembler.Tensors t = assembler.tensors(passes.size(k));
      assembler.fillInputs(t, images, hidden, 1, passes.first(k));
      assembler.fillTargets(t, images, body, hidden, passes.first(k));
      INDArray[] out = network.forward(t.inputs);
      for (int g = 0; g < losses.length; g++) {
        terms[g] += losses[g].evaluate(out[g], t.targets[g], t.weights[g], weightSums[g]);
        gradients[g] = losses[g].gradient();
      }
      network.backward(gradients);
      gradientSum.afterPass(k, passes.count());
    }
    optimizer.step();
    double total = 0;
    List<Double> branches = new ArrayList<>();
    for (int g = 0; g < terms.length; g++) {
      total += weight(g) * terms[g];
      branches.add(terms[g]);
    }
    StepLoss loss = new StepLoss(total, branches);
    if (LOG.isDebugEnabled()) {
      LOG.debug("step {}: loss {} (branches {}) in {} passes", optimizer.iteration(), loss.total(), branches,
          passes.count());
    }
    return loss;
  }

  /** {@link #fitBatch(float[][], float[], int)} of a two-channel layout: PET (SUV) and CT (HU). */
  public StepLoss fitBatch(float[] petSuv, float[] ctHu, float[] bodyMask, int batch) {
    return fitBatch(pair(petSuv, ctHu), bodyMask, batch);
  }

  /**
   * Reconstructs the centre slices with the voxels in {@code hiddenMask} hidden from the masked
   * branch (e.g. PET voxels above an SUV threshold, so that a lesion cannot leak into its own
   * reconstruction).
   *
   * @param images per input channel, [batch, slices, size, size] in stack units
   * @param hiddenMask [batch, slices, size, size] 0/1, or null to hide nothing
   * @return every channel's reconstructed centre slices, in stack units
   */
  public Reconstruction reconstruct(float[][] images, float[] hiddenMask, int batch) {
    checkImages(images, batch);
    int plane = config.size() * config.size();
    if (hiddenMask != null) {
      checkLength("hiddenMask", hiddenMask, batch * config.slices() * plane);
    }
    ModelChannels channels = config.channels();
    float[][] out = new float[channels.count()][batch * plane];
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      BatchAssembler.Tensors t = assembler.tensors(passes.size(k));
      assembler.fillInputs(t, images, hiddenMask, config.slices(), passes.first(k));
      INDArray[] branches = network.forward(t.inputs);
      for (int g = 0; g < branches.length; g++) {
        copyOut(branches[g], channels.group(g), out, passes.first(k) * plane, passes.size(k) * plane);
      }
    }
    InputNormalisation norm = config.normalisation();
    for (int c = 0; c < out.length; c++) {
      ChannelScaling scaling = channels.scaling(c);
      for (int i = 0; i < out[c].length; i++) {
        out[c][i] = scaling.fromNetwork(out[c][i], norm);
      }
    }
    return new Reconstruction(batch, config.size(), channels.names(), out);
  }

  /** {@link #reconstruct(float[][], float[], int)} of a two-channel layout: PET (SUV) and CT (HU). */
  public Reconstruction reconstruct(float[] petSuv, float[] ctHu, float[] hiddenMask, int batch) {
    return reconstruct(pair(petSuv, ctHu), hiddenMask, batch);
  }

  /** De-interleaves a branch output [n, S, S, |group|] into the group's channels from pixel {@code from}. */
  private static void copyOut(INDArray branch, int[] group, float[][] out, int from, int pixels) {
    java.nio.FloatBuffer values = branch.data().asNioFloat();
    if (group.length == 1) {
      values.get(0, out[group[0]], from, pixels);
      return;
    }
    for (int i = 0; i < pixels; i++) {
      for (int j = 0; j < group.length; j++) {
        out[group[j]][from + i] = values.get(i * group.length + j);
      }
    }
  }

  /**
   * Largest number of slices processed in one pass (default {@link #MICRO_BATCH_PIXELS} / size²).
   * Batches above it are split into near-equal passes whose gradients are summed before the single
   * optimizer step, so the update is that of the whole batch. A machine with larger caches may
   * prefer a larger value; results differ only by float rounding.
   */
  public void setMicroBatchLimit(int slices) {
    if (slices < 1) {
      throw new IllegalArgumentException("micro-batch limit must be >= 1, got " + slices);
    }
    microBatchLimit = slices;
  }

  /** See {@link #setMicroBatchLimit}. */
  public int microBatchLimit() {
    return microBatchLimit;
  }

  /** Names of the layers, in parameter order. */
  public List<String> layerNames() {
    return network.layers().stream().map(Layer::name).toList();
  }

  @Override
  public ParameterStore parameterStore() {
    return params;
  }

  @Override
  public AdamOptimizer optimizer() {
    return optimizer;
  }

  /** Writes the model (configuration, parameters, optimizer state) as a zip; does not close {@code out}. */
  public void save(OutputStream out) throws IOException {
    ModelArchive.write(this, ARCHIVE_KIND, out);
  }

  /** Reads a model written by {@link #save}. */
  public static AutoencoderModel load(InputStream in) throws IOException {
    return ModelArchive.read(in, ARCHIVE_KIND, p -> new AutoencoderModel(AutoencoderConfig.fromProperties(p)));
  }

  private float[][] pair(float[] first, float[] second) {
    if (config.channels().count() != 2) {
      throw new IllegalArgumentException("two image arrays given, the layout " + config.channels().names() + " has "
          + config.channels().count() + " channels");
    }
    return new float[][] {first, second};
  }

  private float[] centreBody(float[][] images, int batch) {
    int plane = config.size() * config.size();
    int slices = config.slices();
    BodyRule rule = config.channels().bodyRule(config.normalisation());
    float[] values = images[rule.channel()];
    float[] body = new float[batch * plane];
    for (int n = 0; n < batch; n++) {
      int src = (n * slices + config.neighbours()) * plane;
      rule.slice(values, src, config.size(), config.size(), body, n * plane);
    }
    return body;
  }

  private void checkImages(float[][] images, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    List<String> names = config.channels().names();
    if (images == null || images.length != names.size()) {
      throw new IllegalArgumentException("one image array per channel of " + names + " needed, got "
          + (images == null ? "none" : images.length));
    }
    int expected = batch * config.slices() * config.size() * config.size();
    for (int c = 0; c < images.length; c++) {
      checkLength(names.get(c), images[c], expected);
    }
  }

  private float[] checkLength(String what, float[] array, int expected) {
    if (array == null || array.length != expected) {
      throw new IllegalArgumentException(what + " must hold " + expected + " values (batch x " + config.slices()
          + " slices x " + config.size() + " x " + config.size() + " or the mask's shape), got "
          + (array == null ? "null" : array.length));
    }
    return array;
  }
}
