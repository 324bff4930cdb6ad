package io.petal.models.seg;

import io.petal.models.MicroBatches;
import io.petal.models.ModelArchive;
import io.petal.models.TrainableModel;
import io.petal.models.nn.AdamOptimizer;
import io.petal.models.nn.GradientAccumulator;
import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Properties;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lesion-segmentation U-Net with its optimizer: what a Spark task trains on its partition and
 * what inference runs.
 *
 * <p><b>Array layout.</b> PET (SUV) and CT (HU) are float arrays [batch, slices, size, size], x
 * fastest (NCHW), slices = {@link SegmentationConfig#slices()} neighbouring axial slices with the
 * centre slice in the middle, as for the autoencoder. The anomaly prior (e.g. the autoencoder's
 * PET residual, non-negative) and the labels are [batch, size, size] arrays of the centre slices;
 * labels are 0/1 (values in between are taken as soft labels). Normalisation happens inside
 * ({@link io.petal.models.InputNormalisation}, {@link SegmentationConfig#prior}); predictions come
 * back as lesion probabilities in [0, 1].
 *
 * <p><b>Training.</b> Each {@link #fitBatch} takes one Adam step on diceWeight × soft-Dice loss +
 * bceWeight × cross-entropy of the centre slices ({@link SegmentationStepLoss}). Training has no
 * randomness besides the initial weights ({@link SegmentationConfig#seed()}): equal configurations
 * and equal batches give equal parameters.
 *
 * <p><b>Parameter averaging.</b> {@link #getParams()}/{@link #setParams} and
 * {@link #getOptimizerState()}/{@link #setOptimizerState} are flat float vectors in the fixed order
 * of {@link #parameterNames()}.
 *
 * <p><b>Speed.</b> A batch is processed in passes of at most {@link #microBatchLimit()} slices
 * whose gradients are summed before the single Adam step (same update as one pass). libnd4j reads
 * its thread count once, from {@code OMP_NUM_THREADS}; set it to the cores of one Spark task.
 *
 * <p>Not thread-safe: one model per task thread.
 */
public final class SegmentationModel implements TrainableModel {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentationModel.class);
  /** The {@link ModelArchive} kind of segmentation zips. */
  static final String ARCHIVE_KIND = "unet";
  /** Pixels per pass (slices × size²) by default: 2^18, i.e. 16 slices of 128×128. */
  public static final int MICRO_BATCH_PIXELS = 1 << 18;

  private final SegmentationConfig config;
  private final ParameterStore params;
  private final UNet network;
  private final AdamOptimizer optimizer;
  private final SegmentationInputs inputs;
  private final DiceBceLoss loss;
  private final GradientAccumulator gradientSum;
  private int microBatchLimit;

  private SegmentationModel(SegmentationConfig config) {
    this.config = config;
    ParameterStore.Builder builder = ParameterStore.builder();
    this.network = new UNet(config, builder);
    this.params = builder.build(config.seed());
    this.optimizer = new AdamOptimizer(params, config.learningRate());
    this.inputs = new SegmentationInputs(config);
    this.loss = new DiceBceLoss(config, config.size() * config.size());
    this.gradientSum = new GradientAccumulator(params);
    this.microBatchLimit = Math.max(1, MICRO_BATCH_PIXELS / (config.size() * config.size()));
  }

  /** A freshly initialised model (weights from {@code config.seed()}). */
  public static SegmentationModel create(SegmentationConfig config) {
    SegmentationModel model = new SegmentationModel(config);
    LOG.info("segmentation U-Net: {} parameters, input {}x{}, {} channels (prior {}), depth {}", model.parameterCount(),
        config.size(), config.size(), config.inputChannels(), config.usePrior() ? "on" : "off", config.depth());
    return model;
  }

  public SegmentationConfig config() {
    return config;
  }

  /** {@link SegmentationConfig#toProperties()}. */
  @Override
  public Properties configProperties() {
    return config.toProperties();
  }

  /**
   * One training step.
   *
   * @param petSuv [batch, slices, size, size] PET, SUV
   * @param ctHu [batch, slices, size, size] CT, HU
   * @param prior [batch, size, size] anomaly prior of the centre slices (≥ 0); null exactly when
   *     the configuration has no prior
   * @param labels [batch, size, size] lesion labels of the centre slices, 0/1 (values in [0, 1])
   * @return the step's losses (before the update)
   */
  public SegmentationStepLoss fitBatch(float[] petSuv, float[] ctHu, float[] prior, float[] labels, int batch) {
    checkInputs(petSuv, ctHu, prior, batch);
    checkLabels(labels, batch);
    double dice = 0;
    double bce = 0;
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      INDArray logits = network.forward(inputs.fill(passes.size(k), petSuv, ctHu, prior, passes.first(k)));
      DiceBceLoss.Terms terms = loss.evaluate(logits, labels, passes.first(k), batch);
      dice += terms.dice();
      bce += terms.bce();
      network.backward(loss.gradient());
      gradientSum.afterPass(k, passes.count());
    }
    optimizer.step();
    SegmentationStepLoss step = new SegmentationStepLoss(config.diceWeight() * dice + config.bceWeight() * bce, dice, bce);
    if (LOG.isDebugEnabled()) {
      LOG.debug("step {}: loss {} (Dice {}, BCE {}) in {} passes", optimizer.iteration(), step.total(), dice, bce,
          passes.count());
    }
    return step;
  }

  /**
   * Lesion probabilities of the centre slices.
   *
   * @param petSuv [batch, slices, size, size] PET, SUV
   * @param ctHu [batch, slices, size, size] CT, HU
   * @param prior [batch, size, size] anomaly prior, or null when the configuration has no prior
   * @return [batch, size, size] probabilities in [0, 1], x fastest
   */
  public float[] predict(float[] petSuv, float[] ctHu, float[] prior, int batch) {
    checkInputs(petSuv, ctHu, prior, batch);
    int plane = config.size() * config.size();
    float[] out = new float[batch * plane];
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      INDArray logits = network.forward(inputs.fill(passes.size(k), petSuv, ctHu, prior, passes.first(k)));
      int first = passes.first(k) * plane;
      int count = passes.size(k) * plane;
      logits.data().asNioFloat().get(0, out, first, count);
      for (int i = first; i < first + count; i++) {
        out[i] = (float) Logistic.sigmoid(out[i]);
      }
    }
    return out;
  }

  /**
   * Largest number of slices processed in one pass (default {@link #MICRO_BATCH_PIXELS} / size²).
   * Larger batches are split into near-equal passes whose gradients are summed before the single
   * optimizer step; results differ only by float rounding.
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

  /** Names of the layers with parameters, in parameter order. */
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

  /** Reads a model written by {@link #save}; refuses other models' zips. */
  public static SegmentationModel load(InputStream in) throws IOException {
    return ModelArchive.read(in, ARCHIVE_KIND, p -> new SegmentationModel(SegmentationConfig.fromProperties(p)));
  }

  private void checkInputs(float[] petSuv, float[] ctHu, float[] prior, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    int plane = config.size() * config.size();
    int images = batch * config.slices() * plane;
    checkLength("petSuv", petSuv, images, "batch x " + config.slices() + " slices x " + config.size() + " x " + config.size());
    checkLength("ctHu", ctHu, images, "batch x " + config.slices() + " slices x " + config.size() + " x " + config.size());
    if (config.usePrior()) {
      checkLength("prior", prior, batch * plane, "batch x " + config.size() + " x " + config.size());
    } else if (prior != null) {
      throw new IllegalArgumentException("prior given, but the model was configured without the prior channel (usePrior=false)");
    }
  }

  private void checkLabels(float[] labels, int batch) {
    checkLength("labels", labels, batch * config.size() * config.size(), "batch x " + config.size() + " x " + config.size());
    for (int i = 0; i < labels.length; i++) {
      if (!(labels[i] >= 0 && labels[i] <= 1)) {
        throw new IllegalArgumentException("labels must lie in [0, 1]; value " + labels[i] + " at index " + i);
      }
    }
  }

  private static void checkLength(String what, float[] array, int expected, String shape) {
    if (array == null || array.length != expected) {
      throw new IllegalArgumentException(what + " must hold " + expected + " values (" + shape + "), got "
          + (array == null ? "null" : array.length));
    }
  }
}
