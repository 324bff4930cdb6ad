package io.petal.models;

import io.petal.models.nn.AdamOptimizer;
import io.petal.models.nn.GradientAccumulator;
import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dual-branch masked autoencoder with its optimizer: what a Spark task trains on its
 * partition and what scoring runs.
 *
 * <p><b>Array layout.</b> Every image argument is a float array [batch, slices, size, size], x
 * fastest (NCHW, as slices are stored), slices = {@link AutoencoderConfig#slices()} neighbouring
 * axial slices with the centre slice in the middle; PET in SUV, CT in HU. Masks are 0/1 floats.
 * Normalisation happens inside (see {@link InputNormalisation}), and the reconstruction comes
 * back in SUV and HU.
 *
 * <p><b>Training.</b> Each {@link #fitBatch} hides random rectangles covering
 * {@link AutoencoderConfig#maskFraction()} of each slice's body from the PET branch and takes one
 * Adam step on the body-weighted reconstruction loss of the centre PET slice (plus
 * {@code ctLossWeight} × the CT one). Masks are drawn from (seed, iteration), so a run is
 * reproducible, and a model resumed at iteration k draws what an uninterrupted one would.
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
  private final DualBranchAutoencoder network;
  private final AdamOptimizer optimizer;
  private final BatchAssembler assembler;
  private final RegionMasker masker;
  private final ReconstructionLoss petLoss;
  private final ReconstructionLoss ctLoss;
  private float[] hidden = new float[0];
  private final GradientAccumulator gradientSum;
  private int microBatchLimit;

  private AutoencoderModel(AutoencoderConfig config) {
    this.config = config;
    ParameterStore.Builder builder = ParameterStore.builder();
    this.network = new DualBranchAutoencoder(config, builder);
    this.params = builder.build(config.seed());
    this.optimizer = new AdamOptimizer(params, config.learningRate());
    this.assembler = new BatchAssembler(config);
    this.masker = new RegionMasker(config.size(), config.maskFraction(), config.maskPatchSize());
    this.petLoss = new ReconstructionLoss(config.loss(), 1.0);
    this.ctLoss = new ReconstructionLoss(config.loss(), config.ctLossWeight());
    this.microBatchLimit = Math.max(1, MICRO_BATCH_PIXELS / (config.size() * config.size()));
    this.gradientSum = new GradientAccumulator(params);
  }

  /** A freshly initialised model (weights from {@code config.seed()}). */
  public static AutoencoderModel create(AutoencoderConfig config) {
    AutoencoderModel model = new AutoencoderModel(config);
    LOG.info("autoencoder: {} parameters, input {}x{}, PET channels {}, CT channels {}", model.parameterCount(),
        config.size(), config.size(), config.petInputChannels(), config.ctInputChannels());
    return model;
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
   * @param petSuv [batch, slices, size, size] PET, SUV
   * @param ctHu [batch, slices, size, size] CT, HU
   * @param bodyMask [batch, size, size] 0/1 body mask of the centre slices, or null to derive it
   *     from the CT centre slice ({@link InputNormalisation#isBody})
   * @return the step's losses (before the update)
   */
  public StepLoss fitBatch(float[] petSuv, float[] ctHu, float[] bodyMask, int batch) {
    checkImages(petSuv, ctHu, batch);
    int plane = config.size() * config.size();
    float[] body = bodyMask != null ? checkLength("bodyMask", bodyMask, batch * plane) : centreBody(ctHu, batch);
    if (hidden.length < batch * plane) {
      hidden = new float[batch * plane];
    }
    SplittableRandom random = new SplittableRandom(config.seed() + MASK_STREAM * (optimizer.iteration() + 1));
    for (int n = 0; n < batch; n++) {
      masker.draw(body, n * plane, random, hidden, n * plane);
    }
    double[] weightSums = assembler.weightSums(body, hidden, batch);
    double pet = 0;
    double ct = 0;
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      BatchAssembler.Tensors t = assembler.tensors(passes.size(k));
      assembler.fillInputs(t, petSuv, ctHu, hidden, 1, passes.first(k));
      assembler.fillTargets(t, petSuv, ctHu, body, hidden, passes.first(k));
      DualBranchAutoencoder.Output out = network.forward(t.petInput, t.ctInput);
      pet += petLoss.evaluate(out.pet(), t.petTarget, t.petWeight, weightSums[0]);
      ct += ctLoss.evaluate(out.ct(), t.ctTarget, t.ctWeight, weightSums[1]);
      network.backward(petLoss.gradient(), ctLoss.gradient());
      gradientSum.afterPass(k, passes.count());
    }
    optimizer.step();
    StepLoss loss = new StepLoss(pet + config.ctLossWeight() * ct, pet, ct);
    if (LOG.isDebugEnabled()) {
      LOG.debug("step {}: loss {} (PET {}, CT {}) in {} passes", optimizer.iteration(), loss.total(), pet, ct, passes.count());
    }
    return loss;
  }

  /**
   * Reconstructs the centre slices with the voxels in {@code hiddenMask} hidden from the PET
   * branch (e.g. voxels above an SUV threshold, so that a lesion cannot leak into its own
   * reconstruction).
   *
   * @param hiddenMask [batch, slices, size, size] 0/1, or null to hide nothing
   */
  public Reconstruction reconstruct(float[] petSuv, float[] ctHu, float[] hiddenMask, int batch) {
    checkImages(petSuv, ctHu, batch);
    int plane = config.size() * config.size();
    if (hiddenMask != null) {
      checkLength("hiddenMask", hiddenMask, batch * config.slices() * plane);
    }
    float[] pet = new float[batch * plane];
    float[] ct = new float[batch * plane];
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      BatchAssembler.Tensors t = assembler.tensors(passes.size(k));
      assembler.fillInputs(t, petSuv, ctHu, hiddenMask, config.slices(), passes.first(k));
      DualBranchAutoencoder.Output out = network.forward(t.petInput, t.ctInput);
      out.pet().data().asNioFloat().get(0, pet, passes.first(k) * plane, passes.size(k) * plane);
      out.ct().data().asNioFloat().get(0, ct, passes.first(k) * plane, passes.size(k) * plane);
    }
    InputNormalisation norm = config.normalisation();
    for (int i = 0; i < pet.length; i++) {
      pet[i] = norm.petToSuv(pet[i]);
      ct[i] = norm.ctToHu(ct[i]);
    }
    return new Reconstruction(batch, config.size(), pet, ct);
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

  private float[] centreBody(float[] ctHu, int batch) {
    int plane = config.size() * config.size();
    int slices = config.slices();
    InputNormalisation norm = config.normalisation();
    float[] body = new float[batch * plane];
    for (int n = 0; n < batch; n++) {
      int src = (n * slices + config.neighbours()) * plane;
      for (int p = 0; p < plane; p++) {
        body[n * plane + p] = norm.isBody(ctHu[src + p]) ? 1f : 0f;
      }
    }
    return body;
  }

  private void checkImages(float[] petSuv, float[] ctHu, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    int expected = batch * config.slices() * config.size() * config.size();
    checkLength("petSuv", petSuv, expected);
    checkLength("ctHu", ctHu, expected);
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
