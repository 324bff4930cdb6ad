package io.petal.models.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationConfigTest {
  @Test
  void propertiesRoundTrip() {
    TranslationConfig c = TranslationConfig.builder(List.of("t1", "t1ce"), List.of("t2", "flair")).size(64).neighbours(2)
        .baseFilters(8).depth(3).discriminatorFilters(6).discriminatorDepth(2).l1Weight(50).adversarialWeight(0.5)
        .learningRate(1e-4).beta1(0.6).seed(-3).build();
    assertEquals(c, TranslationConfig.fromProperties(c.toProperties()));
    assertEquals(10, c.generatorInputChannels());
    assertEquals(2, c.generatorOutputChannels());
    assertEquals(16, c.patchMapSize());
  }

  @Test
  void invalidValuesAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TranslationConfig.builder(List.of("CT"), List.of("CT")).build());
    assertTrue(e.getMessage().contains("share"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TranslationConfig.builder(List.of("CT"), List.of("PET")).size(36).depth(3).build());
    assertTrue(e.getMessage().contains("size"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TranslationConfig.builder(List.of(), List.of("PET")).build());
    assertThrows(IllegalArgumentException.class,
        () -> TranslationConfig.builder(List.of("CT"), List.of("PET")).l1Weight(0).adversarialWeight(0).build());
    Properties p = TranslationConfig.defaults(List.of("CT"), List.of("PET")).toProperties();
    p.remove("beta1");
    e = assertThrows(IllegalArgumentException.class, () -> TranslationConfig.fromProperties(p));
    assertTrue(e.getMessage().contains("beta1"), e.getMessage());
  }
}
