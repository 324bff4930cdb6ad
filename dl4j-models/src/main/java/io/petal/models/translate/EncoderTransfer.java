package io.petal.models.translate;

import io.petal.models.nn.Parameter;
import io.petal.models.nn.ParameterStore;
import io.petal.models.seg.FusionUNet;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialises a segmentation branch encoder from a translator's generator encoder (methods.md §5:
 * features learnt by translating one channel group into another, without labels, start the
 * segmentation). The branch is the {@link FusionUNet} branch whose channel group equals the
 * translator's source group; parameters are matched by name ({@code enc0/conv1/W} →
 * {@code <group>/enc0/conv1/W}) and copied. Only weights move; the segmentation model's optimizer
 * state is left as it is (fresh models: zero).
 */
public final class EncoderTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(EncoderTransfer.class);

  private EncoderTransfer() {}

  /**
   * Copies {@code translator}'s encoder weights into the matching branch of {@code segmentation}.
   *
   * @param translatorName how to name the translator in messages (e.g. its model name)
   * @return the prefix of the branch that was initialised (e.g. {@code t1+t1ce/})
   * @throws IllegalArgumentException when the segmentation model has no branch reading exactly the
   *     translator's source channels, or the encoders differ in parameter names or shapes (other
   *     neighbours, baseFilters or depth)
   */
  public static String initialise(SegmentationModel segmentation, TranslationModel translator, String translatorName) {
    SegmentationConfig config = segmentation.config();
    List<String> source = translator.config().sourceChannels();
    if (!config.channelGroups().groups().contains(source)) {
      throw new IllegalArgumentException("cannot initialise from translator '" + translatorName + "': it reads "
          + source + ", but the segmentation network has " + (config.fusion()
              ? "no branch reading exactly these channels (groups " + config.channelGroups() + ")"
              : "no channel groups (use the fusion U-Net with a group " + String.join(",", source) + ")"));
    }
    String prefix = FusionUNet.branchPrefix(source);
    ParameterStore target = segmentation.parameterStore();
    List<Parameter> encoder = translator.encoderParameters();
    Set<String> expected = encoder.stream().map(p -> prefix + p.name()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> present = target.names().stream().filter(n -> n.startsWith(prefix + "enc"))
        .collect(Collectors.toCollection(TreeSet::new));
    if (!expected.equals(present)) {
      throw new IllegalArgumentException("cannot initialise branch " + prefix + " from translator '" + translatorName
          + "': its encoder has " + encoder.size() + " parameters " + names(expected) + ", the branch "
          + present.size() + " " + names(present) + " (translator depth " + translator.config().depth()
          + ", segmentation depth " + config.depth() + ")");
    }
    for (Parameter from : encoder) {
      Parameter to = target.get(prefix + from.name());
      if (!Arrays.equals(from.shape(), to.shape())) {
        throw new IllegalArgumentException("cannot initialise branch " + prefix + " from translator '" + translatorName
            + "': parameter " + from.name() + " has shape " + Arrays.toString(from.shape()) + " in the translator but "
            + Arrays.toString(to.shape()) + " in the branch (translator neighbours " + translator.config().neighbours()
            + ", baseFilters " + translator.config().baseFilters() + "; segmentation neighbours " + config.neighbours()
            + ", baseFilters " + config.baseFilters() + ")");
      }
    }
    for (Parameter from : encoder) {
      target.get(prefix + from.name()).value().assign(from.value());
    }
    LOG.info("initialised segmentation branch {} from translator '{}' ({} tensors)", prefix, translatorName, encoder.size());
    return prefix;
  }

  private static String names(Set<String> names) {
    return names.size() <= 4 ? names.toString() : "[" + String.join(", ", List.copyOf(names).subList(0, 4)) + ", …]";
  }
}
