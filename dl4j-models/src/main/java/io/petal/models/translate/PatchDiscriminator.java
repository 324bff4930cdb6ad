package io.petal.models.translate;

import io.petal.models.nn.Conv2d;
import io.petal.models.nn.Layer;
import io.petal.models.nn.LayerChain;
import io.petal.models.nn.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A patch discriminator (as pix2pix's PatchGAN): says for each patch of a (source, target) pair
 * whether the target is real or the generator's. {@code disc/conv<i>} (i = 1..discriminatorDepth):
 * 3×3 conv stride 2 to discriminatorFilters·2^(i−1) channels + ReLU; {@code disc/logit}: 3×3 conv
 * to one linear channel, a logit per patch (real > 0).
 *
 * <p>Tensors NHWC float32: input [B, S, S, source slices + target channels] (the source then the
 * target, normalised network values), output [B, S/2^d, S/2^d, 1] with d = discriminatorDepth.
 */
final class PatchDiscriminator implements Layer {
  private final LayerChain chain;

  PatchDiscriminator(TranslationConfig config, ParameterStore.Builder params) {
    List<Layer> layers = new ArrayList<>();
    int in = config.generatorInputChannels() + config.generatorOutputChannels();
    for (int i = 1; i <= config.discriminatorDepth(); i++) {
      int out = config.discriminatorFilters() << (i - 1);
      layers.add(new Conv2d("disc/conv" + i, in, out, 3, 2, true, params));
      in = out;
    }
    layers.add(new Conv2d("disc/logit", in, 1, 3, 1, false, params));
    chain = new LayerChain("disc", layers);
  }

  @Override
  public String name() {
    return chain.name();
  }

  @Override
  public int inputChannels() {
    return chain.inputChannels();
  }

  @Override
  public int outputChannels() {
    return 1;
  }

  @Override
  public INDArray forward(INDArray pair) {
    return chain.forward(pair);
  }

  @Override
  public INDArray backward(INDArray gradLogits) {
    return chain.backward(gradLogits);
  }

  /** The layers, in parameter order. */
  List<Layer> layers() {
    return chain.layers();
  }
}
