package io.petal.translate;

import io.petal.models.ChannelGroups;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.translate.TranslationConfig;
import io.petal.schema.StudyKind;
import java.util.List;

/**
 * What translation pretraining does by default for a kind of study: which channel group is
 * translated into which, and the fusion U-Net's groups that then take the encoder.
 *
 * <ul>
 *   <li>{@code pet-ct}: CT → PET (anatomy to metabolism); branches [PET] and [CT], the CT branch
 *       starts from the translator.</li>
 *   <li>{@code brain-mri}: T1 + T1ce → T2 + FLAIR (methods.md §5); branches [t1, t1ce] and
 *       [t2, flair], the T1/T1ce branch starts from the translator.</li>
 *   <li>{@code spect-bone}: none (one channel: nothing to translate).</li>
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
  public static PretrainDefaults forKind(StudyKind kind) {
    return switch (kind) {
      case PET_CT -> new PretrainDefaults(List.of("CT"), List.of("PET"), ChannelGroups.parse("PET;CT"));
      case BRAIN_MRI -> new PretrainDefaults(List.of("t1", "t1ce"), List.of("t2", "flair"),
          ChannelGroups.parse("t1,t1ce;t2,flair"));
      case SPECT_BONE -> throw new IllegalArgumentException("no translation for " + kind.id() + " studies: they have one "
          + "channel, " + kind.channels());
    };
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
