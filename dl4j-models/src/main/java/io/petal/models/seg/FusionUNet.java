package io.petal.models.seg;

import io.petal.models.ChannelGroups;
import io.petal.models.nn.ChannelSelection;
import io.petal.models.nn.ChannelStack;
import io.petal.models.nn.Layer;
import io.petal.models.nn.ParameterStore;
import io.petal.models.nn.Pointwise;
import io.petal.models.nn.UNetDecoder;
import io.petal.models.nn.UNetEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The segmentation U-Net with one encoder branch per channel group (methods.md §5, "cross-modality
 * feature fusion"): e.g. brain MRI [t1, t1ce] and [t2, flair], or PET/CT [PET] and [CT]. Each
 * branch reads only its group's slices; at every level the branches' outputs are joined and fused
 * by a 1×1 conv, and the fused tensors are the decoder's skip connections and bottleneck. The
 * decoder is the plain {@link UNet}'s. Input and output as {@link UNet}: NHWC [B, S, S,
 * {@link SegmentationConfig#inputChannels()}] → logits [B, S, S, {@link SegmentationConfig#regions()}].
 *
 * <pre>
 * input ─► pick group 1 ─► g1/enc0 ─► g1/enc1 ─► … ─► g1/enc(depth)
 *       ─► pick group 2 ─► g2/enc0 ─► g2/enc1 ─► … ─► g2/enc(depth)
 *                            │           │               │
 *                          fuse0       fuse1    …     fuse(depth)   (join + 1×1 conv + ReLU)
 *                            └── skips ──┴─────► decoder ◄── bottleneck ─┘ ─► head ─► logits
 * </pre>
 *
 * Branch {@code <group>} (channel names joined by {@code +}, e.g. {@code t1+t1ce}) has the layers
 * of {@link UNetEncoder} prefixed {@code <group>/}; its input is the group's channels' slices in
 * group order. When the prior is used it forms a branch of its own, {@code prior}. With G branches
 * and f_i = baseFilters·2^i: {@code fuse<i>/join} joins the branches in order, {@code fuse<i>/conv}
 * maps G·f_i → f_i + ReLU. Parameters: branch encoders in group order, fusion levels 0..depth,
 * then the decoder ({@code dec<i>/…}, {@code head}).
 */
public final class FusionUNet implements SegmentationNetwork {
  /** Name of the prior's own branch. */
  public static final String PRIOR_BRANCH = "prior";

  private final int inputChannels;
  private final List<ChannelSelection> selections = new ArrayList<>();
  private final List<UNetEncoder> branches = new ArrayList<>();
  private final List<ChannelStack> fusionJoins = new ArrayList<>();
  private final List<Pointwise> fusionConvs = new ArrayList<>();
  private final UNetDecoder decoder;
  private final Map<List<Long>, INDArray> inputGradients = new HashMap<>();

  /**
   * Declares every layer's parameters in {@code params}.
   *
   * @throws IllegalArgumentException when {@code config} has no channel groups, or they do not cover
   *     its layout's channels exactly (naming the channel)
   */
  public FusionUNet(SegmentationConfig config, ParameterStore.Builder params) {
    if (!config.fusion()) {
      throw new IllegalArgumentException("the fusion U-Net needs channel groups; the configuration has none");
    }
    List<String> channels = config.channels().names();
    config.channelGroups().requireCover(channels);
    inputChannels = config.inputChannels();
    int slices = config.slices();
    for (List<String> group : config.channelGroups().groups()) {
      int[] picked = group.stream()
          .flatMapToInt(c -> IntStream.range(0, slices).map(s -> channels.indexOf(c) * slices + s)).toArray();
      addBranch(ChannelGroups.name(group), picked, config, params);
    }
    if (config.usePrior()) {
      addBranch(PRIOR_BRANCH, new int[] {channels.size() * slices}, config, params);
    }
    for (int i = 0; i <= config.depth(); i++) {
      int f = config.levelFilters(i);
      fusionJoins.add(new ChannelStack("fuse" + i + "/join"));
      fusionConvs.add(new Pointwise("fuse" + i + "/conv", branches.size() * f, f, true, params));
    }
    decoder = new UNetDecoder(config.baseFilters(), config.depth(), config.regions(), params);
  }

  private void addBranch(String name, int[] picked, SegmentationConfig config, ParameterStore.Builder params) {
    selections.add(new ChannelSelection(name + "/pick", picked));
    branches.add(new UNetEncoder(name + "/", picked.length, config.baseFilters(), config.depth(), params));
  }

  /** The parameter-name prefix of the branch that reads {@code group} (e.g. {@code t1+t1ce/}). */
  public static String branchPrefix(List<String> group) {
    return ChannelGroups.name(group) + "/";
  }

  @Override
  public String name() {
    return "fusion-unet";
  }

  @Override
  public int inputChannels() {
    return inputChannels;
  }

  @Override
  public int outputChannels() {
    return decoder.outputChannels();
  }

  /** Logits [B, S, S, regions] of {@code input} [B, S, S, inputChannels] (buffer owned by the network). */
  @Override
  public INDArray forward(INDArray input) {
    int levels = fusionConvs.size();
    INDArray[][] branchLevels = new INDArray[branches.size()][];
    for (int b = 0; b < branches.size(); b++) {
      branchLevels[b] = branches.get(b).forward(selections.get(b).gather(input));
    }
    INDArray[] fused = new INDArray[levels];
    for (int i = 0; i < levels; i++) {
      INDArray[] parts = new INDArray[branches.size()];
      for (int b = 0; b < parts.length; b++) {
        parts[b] = branchLevels[b][i];
      }
      fused[i] = fusionConvs.get(i).forward(fusionJoins.get(i).forward(parts));
    }
    return decoder.forward(fused);
  }

  /**
   * Back-propagates d(loss)/d(logits) (may be overwritten), fills every parameter's gradient and
   * returns d(loss)/d(input) (a buffer owned by the network).
   */
  @Override
  public INDArray backward(INDArray gradLogits) {
    INDArray[] fusedGradients = decoder.backward(gradLogits);
    int levels = fusionConvs.size();
    INDArray[][] branchGradients = new INDArray[branches.size()][levels];
    for (int i = 0; i < levels; i++) {
      INDArray[] parts = fusionJoins.get(i).backward(fusionConvs.get(i).backward(fusedGradients[i]));
      for (int b = 0; b < parts.length; b++) {
        branchGradients[b][i] = parts[b];
      }
    }
    INDArray gradInput = null;
    for (int b = 0; b < branches.size(); b++) {
      INDArray g = branches.get(b).backward(branchGradients[b]);
      if (gradInput == null) {
        long[] shape = g.shape();
        shape[3] = inputChannels;
        gradInput = inputGradients.computeIfAbsent(List.of(shape[0], shape[1], shape[2], shape[3]),
            k -> Nd4j.create(DataType.FLOAT, shape));
      }
      // the branches' channels partition the input, so every input channel is written once
      selections.get(b).scatter(g, gradInput);
    }
    return gradInput;
  }

  /** Every layer with parameters, in parameter order: branch encoders, fusion convs, decoder. */
  @Override
  public List<Layer> layers() {
    List<Layer> all = new ArrayList<>();
    branches.forEach(b -> all.addAll(b.layers()));
    all.addAll(fusionConvs);
    all.addAll(decoder.layers());
    return all;
  }
}
