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
 * The network: one encoder and one decoder per channel group ({@link ModelChannels#groups()}), the
 * encoders fused in a shared latent. All tensors NHWC float32 ([batch, height, width, channels]).
 * PET/CT has two branches, {@code pet} and {@code ct}:
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
 *   <li>{@code fusion/mix}: 1×1 conv of the joined encoder outputs (branch order) to
 *       latentChannels + ReLU, at S/2^depth.</li>
 *   <li>Decoder level i (i = depth−1..0): {@code conv<i>} 3×3 conv to f_i + ReLU, then
 *       {@code up<i>} 2×2 stride-2 transposed conv to f_(i−1) (baseFilters at level 0) + ReLU;
 *       then {@code head}: 1×1 conv to the branch's channel count, linear.</li>
 * </ul>
 * Layer names are prefixed with the branch's name ({@link ModelChannels#branchName}: {@code
 * pet_encoder/down0}, {@code t2_flair_decoder/head}); parameters add {@code /W} and {@code /b}.
 */
public final class BranchedAutoencoder {
  private final List<LayerChain> encoders = new ArrayList<>();
  private final List<ChannelConcat> joins = new ArrayList<>();
  private final Pointwise fusion;
  private final List<LayerChain> decoders = new ArrayList<>();
  private final Map<INDArray, INDArray> latentGradients = new IdentityHashMap<>();

  /** Declares every layer's parameters in {@code params} (build the store afterwards). */
  public BranchedAutoencoder(AutoencoderConfig config, ParameterStore.Builder params) {
    ModelChannels channels = config.channels();
    int branches = channels.groups().size();
    for (int g = 0; g < branches; g++) {
      encoders.add(encoder(channels.branchName(g) + "_encoder", config.branchInputChannels(g), config, params));
    }
    for (int g = 1; g < branches; g++) {
      joins.add(new ChannelConcat(g == 1 ? "fusion/concat" : "fusion/concat" + g));
    }
    int top = config.levelFilters(config.depth() - 1);
    fusion = new Pointwise("fusion/mix", branches * top, config.latentChannels(), true, params);
    for (int g = 0; g < branches; g++) {
      decoders.add(decoder(channels.branchName(g) + "_decoder", channels.groups().get(g).size(), config, params));
    }
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

  private static LayerChain decoder(String name, int outChannels, AutoencoderConfig c, ParameterStore.Builder params) {
    List<Layer> layers = new ArrayList<>();
    int channels = c.latentChannels();
    for (int i = c.depth() - 1; i >= 0; i--) {
      int f = c.levelFilters(i);
      int up = c.levelFilters(Math.max(i - 1, 0));
      layers.add(new Conv2d(name + "/conv" + i, channels, f, 3, 1, true, params));
      layers.add(new UpConv2x2(name + "/up" + i, f, up, true, params));
      channels = up;
    }
    layers.add(new Pointwise(name + "/head", channels, outChannels, false, params));
    return new LayerChain(name, layers);
  }

  /**
   * Forward pass.
   *
   * @param inputs per branch, [B, S, S, branchInputChannels(g)]: normalised slices (hidden voxels
   *     filled) and, for the masked branch, the indicator
   * @return per branch, the reconstructed centre slices [B, S, S, channels of the group] (buffers
   *     owned by the network)
   */
  public INDArray[] forward(INDArray[] inputs) {
    INDArray joined = encoders.get(0).forward(inputs[0]);
    for (int g = 1; g < encoders.size(); g++) {
      joined = joins.get(g - 1).forward(joined, encoders.get(g).forward(inputs[g]));
    }
    INDArray z = fusion.forward(joined);
    INDArray[] out = new INDArray[decoders.size()];
    for (int g = 0; g < out.length; g++) {
      out[g] = decoders.get(g).forward(z);
    }
    return out;
  }

  /** Backward pass after {@link #forward}: fills every parameter's gradient. The arguments may be overwritten. */
  public void backward(INDArray[] gradients) {
    INDArray first = decoders.get(0).backward(gradients[0]);
    INDArray latentGradient = first;
    if (decoders.size() > 1) {
      if (!latentGradients.containsKey(first) && latentGradients.size() >= 8) {
        latentGradients.clear();
      }
      latentGradient = latentGradients.computeIfAbsent(first, g -> Nd4j.create(DataType.FLOAT, g.shape()));
      latentGradient.assign(first);
      for (int g = 1; g < decoders.size(); g++) {
        Nd4j.getExecutioner().exec(new AddOp(latentGradient, decoders.get(g).backward(gradients[g]), latentGradient));
      }
    }
    INDArray g = fusion.backward(latentGradient);
    for (int b = encoders.size() - 1; b >= 1; b--) {
      INDArray[] split = joins.get(b - 1).backward(g);
      encoders.get(b).backward(split[1]);
      g = split[0];
    }
    encoders.get(0).backward(g);
  }

  /** Every layer with parameters, in parameter order: the encoders, fusion, the decoders (branch order). */
  public List<Layer> layers() {
    List<Layer> all = new ArrayList<>();
    encoders.forEach(e -> all.addAll(e.layers()));
    all.add(fusion);
    decoders.forEach(d -> all.addAll(d.layers()));
    return all;
  }
}
