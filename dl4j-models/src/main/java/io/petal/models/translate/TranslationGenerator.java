package io.petal.models.translate;

import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import io.petal.models.nn.UNetDecoder;
import io.petal.models.nn.UNetEncoder;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The translation generator: a U-Net from the source channel group to the target channels. Its
 * encoder ({@link UNetEncoder}, layers {@code enc0/conv1} … {@code enc<depth>/conv}) has the
 * layout and parameter names of the segmentation U-Net's encoder, so that its weights can
 * initialise a segmentation branch that reads the same channels; the decoder ({@link UNetDecoder},
 * {@code dec<i>/…}, {@code head}) ends in a linear 1×1 conv to one channel per target.
 *
 * <p>Tensors NHWC float32: input [B, S, S, {@link TranslationConfig#generatorInputChannels()}],
 * output [B, S, S, {@link TranslationConfig#generatorOutputChannels()}], both normalised network values.
 */
final class TranslationGenerator implements Layer {
  private final UNetEncoder encoder;
  private final UNetDecoder decoder;

  TranslationGenerator(TranslationConfig config, ParameterStore.Builder params) {
    encoder = new UNetEncoder("", config.generatorInputChannels(), config.baseFilters(), config.depth(), params);
    decoder = new UNetDecoder(config.baseFilters(), config.depth(), config.generatorOutputChannels(), params);
  }

  @Override
  public String name() {
    return "generator";
  }

  @Override
  public int inputChannels() {
    return encoder.inputChannels();
  }

  @Override
  public int outputChannels() {
    return decoder.outputChannels();
  }

  @Override
  public INDArray forward(INDArray input) {
    return decoder.forward(encoder.forward(input));
  }

  @Override
  public INDArray backward(INDArray gradOutput) {
    return encoder.backward(decoder.backward(gradOutput));
  }

  /** The encoder's layers (the part that initialises a segmentation branch), in parameter order. */
  List<Layer> encoderLayers() {
    return encoder.layers();
  }

  /** Every layer with parameters, in parameter order: encoder, then decoder. */
  List<Layer> layers() {
    List<Layer> all = new ArrayList<>(encoder.layers());
    all.addAll(decoder.layers());
    return all;
  }
}
