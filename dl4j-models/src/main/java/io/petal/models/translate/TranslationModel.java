package io.petal.models.translate;

import io.petal.models.MicroBatches;
import io.petal.models.ModelArchive;
import io.petal.models.TrainableModel;
import io.petal.models.nn.AdamOptimizer;
import io.petal.models.nn.ChannelConcat;
import io.petal.models.nn.GradientAccumulator;
import io.petal.models.nn.Layer;
import io.petal.models.nn.Parameter;
import io.petal.models.nn.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-modality translation (methods.md §5, "feature transition"): a generator that turns one
 * channel group into another (e.g. T1 + T1c → T2 + FLAIR, CT → PET), trained against a patch
 * discriminator without any labels. Its encoder then initialises a segmentation branch that reads
 * the same channels ({@link EncoderTransfer}).
 *
 * <p><b>Array layout.</b> Callers pass normalised network values, exactly as the segmentation
 * network receives them: source [batch, sources × slices, S, S], channel k = source channel
 * k / slices, slice k % slices (slices = {@link TranslationConfig#slices()}, centre in the middle);
 * target [batch, targets, S, S], the centre slice of each target channel; x fastest.
 *
 * <p><b>Training.</b> Generator and discriminator parameters share one {@link ParameterStore}
 * (generator first) and one Adam optimizer, so the model is a {@link TrainableModel} like the
 * others and parameter averaging over Spark executors works unchanged. Each {@link #fitBatch}
 * computes both networks' gradients at the current point, the generator's from λ·L1 plus the
 * non-saturating adversarial term against the current discriminator, the discriminator's from
 * real (x, y) against fake (x, G(x)) pairs of the current generator, then takes one Adam step of
 * both (simultaneous updates). No randomness besides the initial weights.
 *
 * <p>A batch is processed in passes of at most {@link #microBatchLimit()} samples whose gradients
 * are summed before the step. Not thread-safe: one model per task thread.
 */
public final class TranslationModel implements TrainableModel {
  private static final Logger LOG = LoggerFactory.getLogger(TranslationModel.class);
  /** The {@link ModelArchive} kind of translator zips. */
  public static final String ARCHIVE_KIND = "translator";
  /** Pixels per pass (samples × size²) by default: 2^18, i.e. 16 slices of 128×128. */
  public static final int MICRO_BATCH_PIXELS = 1 << 18;

  private final TranslationConfig config;
  private final ParameterStore params;
  private final TranslationGenerator generator;
  private final PatchDiscriminator discriminator;
  private final AdamOptimizer optimizer;
  private final NhwcBatch sources;
  private final NhwcBatch targets;
  private final ChannelConcat realPair = new ChannelConcat("pair/real");
  private final ChannelConcat fakePair = new ChannelConcat("pair/fake");
  private final L1Loss l1 = new L1Loss();
  private final LogitBce bce = new LogitBce();
  private final GradientAccumulator generatorGradients;
  private final GradientAccumulator discriminatorGradients;
  private int microBatchLimit;

  private TranslationModel(TranslationConfig config) {
    this.config = config;
    ParameterStore.Builder builder = ParameterStore.builder();
    this.generator = new TranslationGenerator(config, builder);
    this.discriminator = new PatchDiscriminator(config, builder);
    this.params = builder.build(config.seed());
    this.optimizer = new AdamOptimizer(params, config.learningRate(), config.beta1(), 0.999, 1e-8);
    this.sources = new NhwcBatch(config.size(), config.generatorInputChannels());
    this.targets = new NhwcBatch(config.size(), config.generatorOutputChannels());
    long split = params.get(discriminator.layers().get(0).name() + "/W").offset();
    this.generatorGradients = new GradientAccumulator(params, 0, split);
    this.discriminatorGradients = new GradientAccumulator(params, split, params.size());
    this.microBatchLimit = Math.max(1, MICRO_BATCH_PIXELS / (config.size() * config.size()));
  }

  /** A freshly initialised model (weights from {@code config.seed()}). */
  public static TranslationModel create(TranslationConfig config) {
    TranslationModel model = new TranslationModel(config);
    LOG.info("translator {} -> {}: {} parameters, input {}x{}, {} source slices, depth {}", config.sourceChannels(),
        config.targetChannels(), model.parameterCount(), config.size(), config.size(), config.generatorInputChannels(),
        config.depth());
    return model;
  }

  public TranslationConfig config() {
    return config;
  }

  /** {@link TranslationConfig#toProperties()}. */
  @Override
  public Properties configProperties() {
    return config.toProperties();
  }

  /**
   * One training step of both networks.
   *
   * @param source [batch, sources × slices, S, S] normalised source values
   * @param target [batch, targets, S, S] normalised target values of the centre slices
   * @return the step's losses (before the update)
   */
  public TranslationStepLoss fitBatch(float[] source, float[] target, int batch) {
    TranslationStepLoss step = computeGradients(source, target, batch);
    optimizer.step();
    if (LOG.isDebugEnabled()) {
      LOG.debug("step {}: {}", optimizer.iteration(), step);
    }
    return step;
  }

  /**
   * The losses of {@link #fitBatch} at the current parameters, leaving in the store's gradient
   * vector d(generator loss)/d(generator parameters) and d(discriminator loss)/d(discriminator
   * parameters); does not update.
   */
  TranslationStepLoss computeGradients(float[] source, float[] target, int batch) {
    checkLength("source", source, batch, sources);
    checkLength("target", target, batch, targets);
    double targetValues = (double) batch * targets.sampleLength();
    double patches = (double) batch * config.patchMapSize() * config.patchMapSize();
    double l1Sum = 0;
    double adversarial = 0;
    double discriminatorLoss = 0;
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      INDArray x = sources.fill(source, passes.first(k), passes.size(k));
      INDArray y = targets.fill(target, passes.first(k), passes.size(k));
      // generator: λ·L1 + non-saturating adversarial term against the current discriminator
      INDArray fake = generator.forward(x);
      l1Sum += l1.evaluate(fake, y, targetValues, config.l1Weight());
      INDArray fakes = fakePair.forward(x, fake);
      adversarial += bce.evaluate(discriminator.forward(fakes), 1, patches, config.adversarialWeight());
      INDArray gradFake = fakePair.backward(discriminator.backward(bce.gradient()))[1];
      Nd4j.getExecutioner().exec(new AddOp(gradFake, l1.gradient(), gradFake));
      generator.backward(gradFake);
      generatorGradients.afterPass(k, passes.count());
      // discriminator: real pairs against the current generator's fakes (its gradient above is overwritten here)
      discriminatorLoss += 0.5 * bce.evaluate(discriminator.forward(realPair.forward(x, y)), 1, patches, 0.5);
      discriminator.backward(bce.gradient());
      discriminatorGradients.afterPass(2 * k, 2 * passes.count());
      discriminatorLoss += 0.5 * bce.evaluate(discriminator.forward(fakes), 0, patches, 0.5);
      discriminator.backward(bce.gradient());
      discriminatorGradients.afterPass(2 * k + 1, 2 * passes.count());
    }
    return new TranslationStepLoss(config.l1Weight() * l1Sum + config.adversarialWeight() * adversarial, l1Sum, adversarial,
        discriminatorLoss);
  }

  /**
   * The generator's translation.
   *
   * @param source [batch, sources × slices, S, S] normalised source values
   * @return [batch, targets, S, S] normalised target values, x fastest
   */
  public float[] translate(float[] source, int batch) {
    checkLength("source", source, batch, sources);
    float[] out = new float[batch * targets.sampleLength()];
    MicroBatches passes = new MicroBatches(batch, microBatchLimit);
    for (int k = 0; k < passes.count(); k++) {
      targets.unpack(generator.forward(sources.fill(source, passes.first(k), passes.size(k))), out, passes.first(k));
    }
    return out;
  }

  /**
   * The generator encoder's parameters, named as a segmentation U-Net encoder's
   * ({@code enc0/conv1/W} …), in parameter order.
   */
  public List<Parameter> encoderParameters() {
    return generator.encoderLayers().stream()
        .flatMap(l -> List.of(params.get(l.name() + "/W"), params.get(l.name() + "/b")).stream())
        .toList();
  }

  /** Largest number of samples processed in one pass; larger batches are split, gradients summed. */
  public void setMicroBatchLimit(int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("micro-batch limit must be >= 1, got " + samples);
    }
    microBatchLimit = samples;
  }

  /** See {@link #setMicroBatchLimit}. */
  public int microBatchLimit() {
    return microBatchLimit;
  }

  /** Names of the layers with parameters, in parameter order: generator, then discriminator. */
  public List<String> layerNames() {
    return Stream.concat(generator.layers().stream(), discriminator.layers().stream())
        .map(Layer::name).toList();
  }

  @Override
  public ParameterStore parameterStore() {
    return params;
  }

  @Override
  public AdamOptimizer optimizer() {
    return optimizer;
  }

  /** Writes the model (configuration, both networks' parameters, optimizer state) as a zip; does not close {@code out}. */
  public void save(OutputStream out) throws IOException {
    ModelArchive.write(this, ARCHIVE_KIND, out);
  }

  /** Reads a model written by {@link #save}; refuses other models' zips. */
  public static TranslationModel load(InputStream in) throws IOException {
    return ModelArchive.read(in, ARCHIVE_KIND, p -> new TranslationModel(TranslationConfig.fromProperties(p)));
  }

  private static void checkLength(String what, float[] array, int batch, NhwcBatch layout) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    long expected = (long) batch * layout.sampleLength();
    if (array == null || array.length != expected) {
      throw new IllegalArgumentException(what + " must hold batch " + batch + " x " + layout.sampleLength()
          + " values, got " + (array == null ? "null" : array.length));
    }
  }
}
