package io.petal.models.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.ChannelGroups;
import io.petal.models.InputNormalisation;
import io.petal.models.text.TextFusionConfig;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SegmentationConfigTest {
  @Test
  void propertiesRoundTrip() {
    SegmentationConfig c = SegmentationConfig.builder().size(64).neighbours(2).baseFilters(8).depth(3).usePrior(false)
        .priorScale(3).priorClip(12).diceWeight(0.5).bceWeight(2).positiveWeight(4).learningRate(3e-4).seed(-7)
        .normalisation(new InputNormalisation(5, 15, -900, 900, -400)).text(new TextFusionConfig(true, 300, 16)).build();
    assertEquals(c, SegmentationConfig.fromProperties(c.toProperties()));
    assertEquals(SegmentationConfig.defaults(), SegmentationConfig.fromProperties(SegmentationConfig.defaults().toProperties()));
  }

  @Test
  void channelGroupsRoundTripAndDefaultToThePlainUNet() {
    SegmentationConfig fusion = SegmentationConfig.builder().channelGroups(ChannelGroups.parse("CT;PET")).build();
    assertTrue(fusion.fusion());
    assertEquals(fusion, SegmentationConfig.fromProperties(fusion.toProperties()));
    Properties older = SegmentationConfig.defaults().toProperties();
    older.remove("channelGroups"); // zips written before the fusion U-Net
    assertEquals(SegmentationConfig.defaults(), SegmentationConfig.fromProperties(older));
    assertFalse(SegmentationConfig.defaults().fusion());
  }

  @Test
  void channelsCountSlicesOfBothModalitiesAndThePrior() {
    SegmentationConfig c = SegmentationConfig.builder().neighbours(2).build();
    assertEquals(5, c.slices());
    assertEquals(11, c.inputChannels());
    assertEquals(10, c.toBuilder().usePrior(false).build().inputChannels());
  }

  @Test
  void priorIsScaledAndClipped() {
    SegmentationConfig c = SegmentationConfig.builder().priorScale(2.5).priorClip(10).build();
    assertEquals(1f, c.prior(2.5f), 1e-6);
    assertEquals(4f, c.prior(50f), 1e-6);
    assertEquals(0f, c.prior(-1f));
    assertEquals(0f, c.prior(Float.NaN));
  }

  @Test
  void invalidValuesAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SegmentationConfig.builder().size(100).depth(3).build());
    assertTrue(e.getMessage().contains("size"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SegmentationConfig.builder().diceWeight(0).bceWeight(0).build());
    assertThrows(IllegalArgumentException.class, () -> SegmentationConfig.builder().positiveWeight(0).build());
    Properties p = SegmentationConfig.defaults().toProperties();
    p.remove("usePrior");
    e = assertThrows(IllegalArgumentException.class, () -> SegmentationConfig.fromProperties(p));
    assertTrue(e.getMessage().contains("usePrior"), e.getMessage());
  }

  @Test
  void textIsOffByDefaultAndWhenItsKeysAreAbsent() {
    assertEquals(TextFusionConfig.OFF, SegmentationConfig.defaults().text());
    Properties withoutText = SegmentationConfig.defaults().toProperties();
    withoutText.keySet().removeIf(k -> k.toString().startsWith("text."));
    assertEquals(SegmentationConfig.defaults(), SegmentationConfig.fromProperties(withoutText));
    Properties p = SegmentationConfig.defaults().toBuilder().text(new TextFusionConfig(true, 64, 8)).build().toProperties();
    assertEquals("true", p.getProperty("text.enabled"));
    assertEquals("64", p.getProperty("text.vocabularySize"));
    p.setProperty("text.hiddenWidth", "0");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentationConfig.fromProperties(p));
    assertTrue(e.getMessage().contains("hiddenWidth"), e.getMessage());
  }
}
