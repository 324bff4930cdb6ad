package io.petal.translate;

import io.petal.models.ChannelGroups;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.translate.TranslationConfig;
import java.util.Collection;
import java.util.List;

/**
 * What translation pretraining does by default for a kind of study: which channel group is
 * translated into which, and the fusion U-Net's groups that then take the encoder.
 *
 * <ul>
 *   <li>{@code pet-ct}: CT → PET (anatomy to metabolism), fusion branches [PET] and [CT]; the CT
 *       branch starts from the translator.</li>
 * </ul>
 *
 * @param from the translator's source group (one of {@code groups})
 * @param to the translator's target group
 * @param groups the fusion U-Net's branches
 */
public record PretrainDefaults(List<String> from, List<String> to, ChannelGroups groups) {
  public PretrainDefaults {
    if (!groups.groups().contains(from)) {
      throw new IllegalArgumentException("the source group " + from + " must be one of the fusion groups " + groups);
    }
  }

  /** The defaults of {@code kind}; fails naming the kind when there are none. */
  public static PretrainDefaults forKind(String kind) {
    if ("pet-ct".equals(kind)) {
      return new PretrainDefaults(List.of("CT"), List.of("PET"), ChannelGroups.parse("PET;CT"));
    }
    throw new IllegalArgumentException("no default translation for studies of kind '" + kind
        + "': give petal pretrain --from and --to");
  }

  /** The one kind among {@code kinds}; fails when there is none or more than one. */
  public static String singleKind(Collection<String> kinds) {
    List<String> distinct = kinds.stream().distinct().sorted().toList();
    if (distinct.size() != 1) {
      throw new IllegalArgumentException("translation pretraining needs studies of one kind, the warehouse has "
          + (distinct.isEmpty() ? "none" : distinct) + ": give --from and --to");
    }
    return distinct.get(0);
  }

  /**
   * A translator {@code from → to} whose encoder fits the branch of {@code segmentation} that reads
   * {@code from}: the segmentation's neighbours, depth, base filters and seed, the other settings
   * {@link TranslationConfig#defaults}'.
   */
  public static TranslationConfig translatorFor(SegmentationConfig segmentation, List<String> from, List<String> to) {
    return TranslationConfig.defaults(from, to).toBuilder().neighbours(segmentation.neighbours())
        .depth(segmentation.depth()).baseFilters(segmentation.baseFilters()).seed(segmentation.seed()).build();
  }
}
