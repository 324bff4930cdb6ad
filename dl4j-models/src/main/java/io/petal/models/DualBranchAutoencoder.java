package io.petal.models;

import io.petal.models.nn.ChannelConcat;
import io.petal.models.nn.Conv2d;
import io.petal.models.nn.Layer;
import io.petal.models.nn.LayerChain;
import io.petal.models.nn.ParameterStore;
import io.petal.models.nn.Pointwise;
import io.petal.models.nn.UpConv2x2;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network: a PET encoder and a CT encoder, a fused latent, a PET decoder and a CT decoder.
 * All tensors NHWC float32 ([batch, height, width, channels]).
 *
 * <pre>
 * PET [B,S,S,petIn] ─ pet_encoder ─┐                          ┌─ pet_decoder ─ PET [B,S,S,1]
 *                                  ├─ concat ─ fusion/mix ─ z ┤
 * CT  [B,S,S,ctIn]  ─ ct_encoder  ─┘                          └─ ct_decoder  ─ CT  [B,S,S,1]
 * </pre>
 *
 * <ul>
 *   <li>Encoder level i (i = 0..depth−1), f_i = baseFilters·2^i: {@code down<i>} 3×3 conv stride
 *       2 + ReLU, then {@code conv<i>} 3×3 conv + ReLU.</li>
 *   <li>{@code fusion/mix}: 1×1 conv of the joined encoder outputs to latentChannels + ReLU, at
 *       S/2^depth.</li>
 *   <li>Decoder level i (i = depth−1..0): {@code conv<i>} 3×3 conv to f_i + ReLU, then
 *       {@code up<i>} 2×2 stride-2 transposed conv to f_(i−1) (baseFilters at level 0) + ReLU;
 *       then {@code head}: 1×1 conv to 1 channel, linear.</li>
 * </ul>
 * Layer names are prefixed with the branch ({@code pet_encoder/down0}, {@code ct_decoder/head});
 * parameters add {@code /W} and {@code /b}.
 */
public final class DualBranchAutoencoder {
  private final LayerChain petEncoder;
  private final LayerChain ctEncoder;
  private final ChannelConcat join;
  private final Pointwise fusion;
  private final LayerChain petDecoder;
  private final LayerChain ctDecoder;
  private final Map<INDArray, INDArray> latentGradients = new IdentityHashMap<>();

  /** Declares every layer's parameters in {@code params} (build the store afterwards). */
  public DualBranchAutoencoder(AutoencoderConfig config, ParameterStore.Builder params) {
    petEncoder = encoder("pet_encoder", config.petInputChannels(), config, params);
    ctEncoder = encoder("ct_encoder", config.ctInputChannels(), config, params);
    join = new ChannelConcat("fusion/concat");
    int top = config.levelFilters(config.depth() - 1);
    fusion = new Pointwise("fusion/mix", 2 * top, config.latentChannels(), true, params);
    petDecoder = decoder("pet_decoder", config, params);
    ctDecoder = decoder("ct_decoder", config, params);
  }

  private static LayerChain encoder(String name, int inChannels, AutoencoderConfig c, ParameterStore.Builder params) {
    List<Layer> layers = new ArrayList<>();
    int channels = inChannels;
    for (int i = 0; i < c.depth(); i++) {
      int f = c.levelFilters(i);
      layers.add(new Conv2d(name + "/down" + i, channels, f, 3, 2, true, params));
      layers.add(new Conv2d(name + "/conv" + i, f, f, 3, 1, true, params));
      channels = f;
    }
    return new LayerChain(name, layers);
  }

  private static LayerChain decoder(String name, AutoencoderConfig c, ParameterStore.Builder params) {
    List<Layer> layers = new ArrayList<>();
    int channels = c.latentChannels();
    for (int i = c.depth() - 1; i >= 0; i--) {
      int f = c.levelFilters(i);
      int up = c.levelFilters(Math.max(i - 1, 0));
      layers.add(new Conv2d(name + "/conv" + i, channels, f, 3, 1, true, params));
      layers.add(new UpConv2x2(name + "/up" + i, f, up, true, params));
      channels = up;
    }
    layers.add(new Pointwise(name + "/head", channels, 1, false, params));
    return new LayerChain(name, layers);
  }

  /** Reconstructions of the centre PET and CT slices, each [B, S, S, 1] (buffers owned by the network). */
  public record Output(INDArray pet, INDArray ct) {}

  /**
   * Forward pass.
   *
   * @param pet [B, S, S, petInputChannels] normalised PET slices (hidden voxels filled) + indicator
   * @param ct [B, S, S, ctInputChannels] normalised CT slices
   */
  public Output forward(INDArray pet, INDArray ct) {
    INDArray joined = join.forward(petEncoder.forward(pet), ctEncoder.forward(ct));
    INDArray z = fusion.forward(joined);
    return new Output(petDecoder.forward(z), ctDecoder.forward(z));
  }

  /** Backward pass after {@link #forward}: fills every parameter's gradient. The arguments may be overwritten. */
  public void backward(INDArray gradPet, INDArray gradCt) {
    INDArray fromPet = petDecoder.backward(gradPet);
    INDArray fromCt = ctDecoder.backward(gradCt);
    if (!latentGradients.containsKey(fromPet) && latentGradients.size() >= 8) {
      latentGradients.clear();
    }
    INDArray latentGradient = latentGradients.computeIfAbsent(fromPet, g -> Nd4j.create(DataType.FLOAT, g.shape()));
    Nd4j.getExecutioner().exec(new AddOp(fromPet, fromCt, latentGradient));
    INDArray[] split = join.backward(fusion.backward(latentGradient));
    petEncoder.backward(split[0]);
    ctEncoder.backward(split[1]);
  }

  /** Every layer with parameters, in parameter order: PET encoder, CT encoder, fusion, PET decoder, CT decoder. */
  public List<Layer> layers() {
    List<Layer> all = new ArrayList<>(petEncoder.layers());
    all.addAll(ctEncoder.layers());
    all.add(fusion);
    all.addAll(petDecoder.layers());
    all.addAll(ctDecoder.layers());
    return all;
  }
}
