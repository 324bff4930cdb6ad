package io.petal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.ChannelGroups;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.translate.TranslationConfig;
import io.petal.schema.StudyKind;
import io.petal.training.KindChannels;
import java.util.List;
import org.junit.jupiter.api.Test;

class PretrainDefaultsTest {
  @Test
  void petCtTranslatesCtIntoPetAndBrainT1IntoT2() {
    PretrainDefaults petCt = PretrainDefaults.forKind(StudyKind.PET_CT);
    assertEquals(List.of("CT"), petCt.from());
    assertEquals(List.of("PET"), petCt.to());
    assertEquals(ChannelGroups.parse("PET;CT"), petCt.groups());
    PretrainDefaults brain = PretrainDefaults.forKind(StudyKind.BRAIN_MRI);
    assertEquals(List.of("t1", "t1ce"), brain.from());
    assertEquals(List.of("t2", "flair"), brain.to());
    for (PretrainDefaults d : List.of(petCt, brain)) {
      StudyKind kind = d == petCt ? StudyKind.PET_CT : StudyKind.BRAIN_MRI;
      d.groups().requireCover(KindChannels.of(kind).names()); // the groups fit the kind's layout
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PretrainDefaults.forKind(StudyKind.SPECT_BONE));
    assertTrue(e.getMessage().contains("spect-bone") && e.getMessage().contains("one channel"), e.getMessage());
  }

  @Test
  void theTranslatorTakesTheSegmentationsEncoderSettings() {
    SegmentationConfig s = SegmentationConfig.defaults().toBuilder().neighbours(2).depth(3).baseFilters(8).seed(5).build();
    TranslationConfig t = PretrainDefaults.translatorFor(s, List.of("CT"), List.of("PET"));
    assertEquals(2, t.neighbours());
    assertEquals(3, t.depth());
    assertEquals(8, t.baseFilters());
    assertEquals(5, t.seed());
    assertThrows(IllegalArgumentException.class,
        () -> new PretrainDefaults(List.of("CT"), List.of("PET"), ChannelGroups.parse("PET,CT")));
  }
}
