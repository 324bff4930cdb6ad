package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class AutoencoderConfigTest {
  @Test
  void derivedChannelCounts() {
    AutoencoderConfig c = AutoencoderConfig.builder().neighbours(2).maskIndicator(true).build();
    assertEquals(5, c.slices());
    assertEquals(6, c.branchInputChannels(0), "PET: 5 slices and the indicator");
    assertEquals(5, c.branchInputChannels(1), "CT: 5 slices");
    assertEquals(64, c.levelFilters(2));
    assertEquals(16, c.latentSize());
  }

  @Test
  void theChannelLayoutIsPartOfTheConfiguration() {
    AutoencoderConfig brain = AutoencoderConfig.builder().channels(TestLayouts.brain()).build();
    assertEquals(brain, AutoencoderConfig.fromProperties(brain.toProperties()));
    assertEquals(7, brain.branchInputChannels(1), "T2 and FLAIR, 3 slices each, and the indicator");
    assertThrows(IllegalArgumentException.class,
        () -> AutoencoderConfig.builder().channels(TestLayouts.planarCounts()).neighbours(1).build(),
        "planar views have no neighbours");
  }

  @Test
  void propertiesRoundTrip() {
    AutoencoderConfig c = AutoencoderConfig.builder().size(96).depth(5 - 2).neighbours(0).loss(AutoencoderConfig.Loss.L1)
        .maskFill(-0.1f).hiddenLossWeight(3).seed(-7).normalisation(new InputNormalisation(5, 30, -200, 300, -300)).build();
    assertEquals(c, AutoencoderConfig.fromProperties(c.toProperties()));
  }

  @Test
  void invalidValuesAreRejectedWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AutoencoderConfig.builder().size(100).depth(3).build());
    assertTrue(e.getMessage().contains("size"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AutoencoderConfig.builder().maskFraction(1.0).build());
    assertThrows(IllegalArgumentException.class, () -> AutoencoderConfig.builder().learningRate(0).build());
  }

  @Test
  void missingOrMalformedKeysAreNamed() {
    Properties p = AutoencoderConfig.defaults().toProperties();
    p.remove("latentChannels");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoencoderConfig.fromProperties(p));
    assertTrue(e.getMessage().contains("latentChannels"), e.getMessage());
    Properties q = AutoencoderConfig.defaults().toProperties();
    q.setProperty("loss", "huber");
    assertThrows(IllegalArgumentException.class, () -> AutoencoderConfig.fromProperties(q));
    Properties v = AutoencoderConfig.defaults().toProperties();
    v.setProperty("version", "99");
    assertThrows(IllegalArgumentException.class, () -> AutoencoderConfig.fromProperties(v));
    Properties old = AutoencoderConfig.defaults().toProperties();
    old.setProperty("version", "1");
    e = assertThrows(IllegalArgumentException.class, () -> AutoencoderConfig.fromProperties(old));
    assertTrue(e.getMessage().contains("retrain"), e.getMessage());
  }
}
