package io.petal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.ChannelGroups;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.translate.TranslationConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PretrainDefaultsTest {
  @Test
  void petCtTranslatesCtIntoPetAndFusesPetWithCt() {
    PretrainDefaults d = PretrainDefaults.forKind("pet-ct");
    assertEquals(List.of("CT"), d.from());
    assertEquals(List.of("PET"), d.to());
    assertEquals(ChannelGroups.parse("PET;CT"), d.groups());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PretrainDefaults.forKind("ultrasound"));
    assertTrue(e.getMessage().contains("ultrasound") && e.getMessage().contains("--from"), e.getMessage());
  }

  @Test
  void theStudiesMustBeOfOneKind() {
    assertEquals("pet-ct", PretrainDefaults.singleKind(List.of("pet-ct", "pet-ct")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PretrainDefaults.singleKind(List.of("pet-ct", "brain-mri")));
    assertTrue(e.getMessage().contains("brain-mri") && e.getMessage().contains("pet-ct"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PretrainDefaults.singleKind(List.of()));
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
