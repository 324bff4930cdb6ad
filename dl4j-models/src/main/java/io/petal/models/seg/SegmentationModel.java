package io.petal.models.seg;

import io.petal.models.MicroBatches;
import io.petal.models.ModelArchive;
import io.petal.models.TrainableModel;
import io.petal.models.nn.AdamOptimizer;
import io.petal.models.nn.GradientAccumulator;
import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import io.petal.models.text.ReportVocabulary;
import io.petal.models.text.TextFusionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segmentation U-Net with its optimizer: what a Spark task trains on its partition and what
 * inference runs.
 *
 * <p><b>Array layout.</b> The images are one float array per input channel of the configuration's
 * layout ({@link SegmentationConfig#channels()}; PET/CT: PET in SUV, then CT in HU), each
 * [batch, slices, size, size], x fastest (NCHW), slices = {@link SegmentationConfig#slices()}
 * neighbouring slices with the centre slice in the middle, in stack units, as for the
 * autoencoder. The anomaly prior (e.g. the autoencoder's residual, non-negative) is a
 * [batch, size, size] array of the centre slices; labels and predictions are [batch, regions,
 * size, size] arrays of the centre slices, one plane per output region
 * ({@link SegmentationConfig#regions()}; PET/CT: one, the lesion). Labels are 0/1 (values in
 * between are taken as soft labels). Normalisation happens inside
 * ({@link io.petal.models.ChannelScaling}, {@link SegmentationConfig#prior}); predictions come
 * back as region probabilities in [0, 1]. The two-array methods are the same for a two-channel
 * layout (PET, CT).
 *
 * <p><b>Report text.</b> With {@link SegmentationConfig#text()} on, every sample also has a report
 * feature vector of D = {@link TextFusionConfig#vocabularySize()} floats (text [batch, D], the
 * TF-IDF vector of its study's report, all 0 for a study without one), which conditions the
 * decoder ({@link UNet}). The model can carry the {@link ReportVocabulary} that makes those
 * vectors ({@link #create(SegmentationConfig, ReportVocabulary)}); it is saved with the model, so
 * that prediction uses the training cohort's vocabulary.
 *
 * <p><b>Training.</b> Each {@link #fitBatch} takes one Adam step on diceWeight × soft-Dice loss +
 * bceWeight × cross-entropy of the centre slices' regions ({@link SegmentationStepLoss}). Training
 * has no randomness besides the initial weights ({@link SegmentationConfig#seed()}): equal
 * configurations and equal batches give equal parameters.
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
  /** The zip entry of the report vocabulary ({@link ReportVocabulary#toBytes()}), present when the model has one. */
  static final String VOCABULARY_ENTRY = "text-vocabulary.txt";
  /** Pixels per pass (slices × size²) by default: 2^18, i.e. 16 slices of 128×128. */
  public static final int MICRO_BATCH_PIXELS = 1 << 18;

  private final SegmentationConfig config;
  private final ParameterStore params;
  private final SegmentationNetwork network;
  private final AdamOptimizer optimizer;
  private final SegmentationInputs inputs;
  private final DiceBceLoss loss;
  private final GradientAccumulator gradientSum;
  /** The vocabulary of the text features, or null (text off, or a worker's copy that only trains). */
  private final ReportVocabulary vocabulary;
  private int microBatchLimit;

  private SegmentationModel(SegmentationConfig config, ReportVocabulary vocabulary) {
    TextFusionConfig text = config.text();
    if (vocabulary != null && (!text.enabled() || vocabulary.dimension() != text.vocabularySize())) {
      throw new IllegalArgumentException("a report vocabulary of dimension " + vocabulary.dimension()
          + " does not fit the configuration (text " + (text.enabled() ? "on, D = " + text.vocabularySize() : "off") + ")");
    }
    this.config = config;
    this.vocabulary = vocabulary;
    ParameterStore.Builder builder = ParameterStore.builder();
    this.network = SegmentationNetwork.create(config, builder);
    this.params = builder.build(config.seed());
    this.optimizer = new AdamOptimizer(params, config.learningRate());
    this.inputs = new SegmentationInputs(config);
    this.loss = new DiceBceLoss(config, config.size() * config.size());
    this.gradientSum = new GradientAccumulator(params);
    this.microBatchLimit = Math.max(1, MICRO_BATCH_PIXELS / (config.size() * config.size()));
  }

  /** A freshly initialised model (weights from {@code config.seed()}), without a vocabulary. */
  public static SegmentationModel create(SegmentationConfig config) {
    return create(config, null);
  }

  /**
   * A freshly initialised model that keeps {@code vocabulary} (null for none); a vocabulary needs
   * text on and its dimension equal to the configured D.
   */
  public static SegmentationModel create(SegmentationConfig config, ReportVocabulary vocabulary) {
    SegmentationModel model = new SegmentationModel(config, vocabulary);
    LOG.info("segmentation U-Net ({}): {} parameters, input {}x{}, {} channels (prior {}), depth {}, regions {}, "
        + "{}, report text {}", config.channels().kind(), model.parameterCount(), config.size(), config.size(),
        config.inputChannels(), config.usePrior() ? "on" : "off", config.depth(), config.channels().regionNames(),
        config.fusion() ? "fusion of branches " + config.channelGroups() : "one encoder", config.text().enabled() ? "on (D = " + config.text().vocabularySize() + ", "
            + (vocabulary == null ? "no vocabulary" : vocabulary.terms() + " terms") + ")" : "off");
    return model;
  }

  /** The vocabulary that makes this model's text features, when it keeps one. */
  public Optional<ReportVocabulary> vocabulary() {
    return Optional.ofNullable(vocabulary);
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
   * @param images per layout channel, [batch, slices, size, size] in stack units
   * @param prior [batch, size, size] anomaly prior of the centre slices (≥ 0); null exactly when
   *     the configuration has no prior
   * @param text [batch, D] report features of the samples' studies; null exactly when the
   *     configuration has no text path
   * @param labels [batch, regions, size, size] region labels of the centre slices, values in [0, 1]
   * @return the step's losses (before the update)
   */
  public SegmentationStepLoss fitBatch(float[][] images, float[] prior, float[] text, float[] labels, int batch) {
    checkInputs(images, prior, text, batch);
    checkLabels(labels, batch);
    double dice = 0;
    double bce = 0;
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      INDArray logits = network.forward(inputs.fill(passes.size(k), images, prior, passes.first(k)),
          inputs.fillText(passes.size(k), text, passes.first(k)));
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

  /** One training step without report text: {@link #fitBatch(float[][], float[], float[], float[], int)}. */
  public SegmentationStepLoss fitBatch(float[][] images, float[] prior, float[] labels, int batch) {
    return fitBatch(images, prior, null, labels, batch);
  }

  /** {@link #fitBatch(float[][], float[], float[], float[], int)} of a two-channel layout: PET (SUV) and CT (HU). */
  public SegmentationStepLoss fitBatch(float[] petSuv, float[] ctHu, float[] prior, float[] text, float[] labels,
      int batch) {
    return fitBatch(pair(petSuv, ctHu), prior, text, labels, batch);
  }

  /** {@link #fitBatch(float[][], float[], float[], int)} of a two-channel layout: PET (SUV) and CT (HU). */
  public SegmentationStepLoss fitBatch(float[] petSuv, float[] ctHu, float[] prior, float[] labels, int batch) {
    return fitBatch(pair(petSuv, ctHu), prior, null, labels, batch);
  }

  /**
   * Region probabilities of the centre slices.
   *
   * @param images per layout channel, [batch, slices, size, size] in stack units
   * @param prior [batch, size, size] anomaly prior, or null when the configuration has no prior
   * @param text [batch, D] report features, or null when the configuration has no text path
   * @return [batch, regions, size, size] probabilities in [0, 1], x fastest
   */
  public float[] predict(float[][] images, float[] prior, float[] text, int batch) {
    checkInputs(images, prior, text, batch);
    int plane = config.size() * config.size();
    int regions = config.regions();
    float[] out = new float[batch * regions * plane];
    float[] logits = new float[0];
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      INDArray nhwc = network.forward(inputs.fill(passes.size(k), images, prior, passes.first(k)),
          inputs.fillText(passes.size(k), text, passes.first(k)));
      int count = passes.size(k) * plane * regions;
      if (logits.length < count) {
        logits = new float[count];
      }
      nhwc.data().asNioFloat().get(0, logits, 0, count);
      for (int n = 0; n < passes.size(k); n++) {
        int base = (passes.first(k) + n) * regions * plane;
        for (int p = 0; p < plane; p++) {
          for (int r = 0; r < regions; r++) {
            out[base + r * plane + p] = (float) Logistic.sigmoid(logits[(n * plane + p) * regions + r]);
          }
        }
      }
    }
    return out;
  }

  /** Region probabilities without report text: {@link #predict(float[][], float[], float[], int)}. */
  public float[] predict(float[][] images, float[] prior, int batch) {
    return predict(images, prior, null, batch);
  }

  /** {@link #predict(float[][], float[], float[], int)} of a two-channel layout: PET (SUV) and CT (HU). */
  public float[] predict(float[] petSuv, float[] ctHu, float[] prior, float[] text, int batch) {
    return predict(pair(petSuv, ctHu), prior, text, batch);
  }

  /** {@link #predict(float[][], float[], int)} of a two-channel layout: PET (SUV) and CT (HU). */
  public float[] predict(float[] petSuv, float[] ctHu, float[] prior, int batch) {
    return predict(pair(petSuv, ctHu), prior, null, batch);
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

  /** {@link #VOCABULARY_ENTRY} when the model keeps a vocabulary. */
  @Override
  public Map<String, byte[]> archiveEntries() {
    return vocabulary == null ? Map.of() : Map.of(VOCABULARY_ENTRY, vocabulary.toBytes());
  }

  /** Writes the model (configuration, parameters, optimizer state, vocabulary) as a zip; does not close {@code out}. */
  public void save(OutputStream out) throws IOException {
    ModelArchive.write(this, ARCHIVE_KIND, out);
  }

  /** Reads a model written by {@link #save}; refuses other models' zips. */
  public static SegmentationModel load(InputStream in) throws IOException {
    return ModelArchive.read(in, ARCHIVE_KIND, (p, entries) -> {
      byte[] words = entries.get(VOCABULARY_ENTRY);
      return new SegmentationModel(SegmentationConfig.fromProperties(p),
          words == null ? null : ReportVocabulary.fromBytes(words, "segmentation model zip entry " + VOCABULARY_ENTRY));
    });
  }

  private float[][] pair(float[] first, float[] second) {
    if (config.channels().count() != 2) {
      throw new IllegalArgumentException("two image arrays given, the layout " + config.channels().names() + " has "
          + config.channels().count() + " channels");
    }
    return new float[][] {first, second};
  }

  private void checkInputs(float[][] images, float[] prior, float[] text, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    List<String> names = config.channels().names();
    if (images == null || images.length != names.size()) {
      throw new IllegalArgumentException("one image array per channel of " + names + " needed, got "
          + (images == null ? "none" : images.length));
    }
    int plane = config.size() * config.size();
    for (int c = 0; c < images.length; c++) {
      checkLength(names.get(c), images[c], batch * config.slices() * plane,
          "batch x " + config.slices() + " slices x " + config.size() + " x " + config.size());
    }
    if (config.usePrior()) {
      checkLength("prior", prior, batch * plane, "batch x " + config.size() + " x " + config.size());
    } else if (prior != null) {
      throw new IllegalArgumentException("prior given, but the model was configured without the prior channel (usePrior=false)");
    }
    if (config.text().enabled()) {
      int d = config.text().vocabularySize();
      checkLength("text", text, batch * d, "batch x " + d + " report features");
      for (int i = 0; i < text.length; i++) {
        if (!Float.isFinite(text[i])) {
          throw new IllegalArgumentException("text features must be finite; value " + text[i] + " at index " + i
              + " (sample " + i / d + ")");
        }
      }
    } else if (text != null) {
      throw new IllegalArgumentException("text features given, but the model was configured without report text");
    }
  }

  private void checkLabels(float[] labels, int batch) {
    checkLength("labels", labels, batch * config.regions() * config.size() * config.size(),
        "batch x " + config.regions() + " regions x " + config.size() + " x " + config.size());
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
