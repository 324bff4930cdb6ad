package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ModelChannelsTest {
  @Test
  void layoutsSurviveTheirProperties() {
    for (ModelChannels layout : List.of(ModelChannels.petCt(), TestLayouts.brain(), TestLayouts.planarCounts())) {
      Properties p = new Properties();
      layout.writeTo(p, "channels.");
      assertEquals(layout, ModelChannels.readFrom(p, "channels."), layout.kind());
    }
    Properties p = new Properties();
    TestLayouts.brain().writeTo(p, "c.");
    assertEquals("1,2,4", p.getProperty("c.region.WT.values"));
    assertEquals("t1,t1ce|t2,flair", p.getProperty("c.groups"));
    ModelChannels.petCt().writeTo(p, "d.");
    assertEquals("1-255", p.getProperty("d.region.lesion.values"));
  }

  @Test
  void regionTargetsFollowTheLabelValues() {
    ModelChannels brain = TestLayouts.brain();
    float[] labels = {0, 1, 2, 4, 3};
    float[] out = new float[3 * labels.length];
    brain.regionTargets(labels, 0, labels.length, out, 0);
    assertArrayEquals(new float[] {0, 1, 1, 1, 0}, java.util.Arrays.copyOfRange(out, 0, 5), "WT = 1, 2, 4");
    assertArrayEquals(new float[] {0, 1, 0, 1, 0}, java.util.Arrays.copyOfRange(out, 5, 10), "TC = 1, 4");
    assertArrayEquals(new float[] {0, 0, 0, 1, 0}, java.util.Arrays.copyOfRange(out, 10, 15), "ET = 4");
    float[] lesion = new float[5];
    ModelChannels.petCt().regionTargets(labels, 0, 5, lesion, 0);
    assertArrayEquals(new float[] {0, 1, 1, 1, 1}, lesion, "PET/CT lesion = any label above 0");
  }

  /** Painting inner regions over outer ones gives labels whose derived regions nest. */
  @Test
  void paintedLabelsRebuildNestedRegions() {
    ModelChannels brain = TestLayouts.brain();
    // pixels: none, WT only, WT+TC, WT+TC+ET, ET only
    float[] probabilities = {
      0.1f, 0.9f, 0.9f, 0.9f, 0.2f, // WT
      0.1f, 0.1f, 0.8f, 0.8f, 0.3f, // TC
      0.0f, 0.1f, 0.2f, 0.7f, 0.6f}; // ET
    byte[] painted = brain.paint(probabilities, 0, 5, 0.5f);
    assertArrayEquals(new byte[] {0, 2, 1, 4, 4}, painted);
    float[] asLabels = new float[5];
    for (int i = 0; i < 5; i++) {
      asLabels[i] = painted[i] & 0xFF;
    }
    float[] regions = new float[15];
    brain.regionTargets(asLabels, 0, 5, regions, 0);
    assertArrayEquals(new float[] {0, 1, 1, 1, 1}, java.util.Arrays.copyOfRange(regions, 0, 5), "an ET pixel is WT");
    assertArrayEquals(new byte[] {0, 1, 1, 1, 0}, ModelChannels.petCt().paint(new float[] {0, 0.5f, 0.7f, 1, 0.4f},
        0, 5, 0.5f));
  }

  @Test
  void branchesAreNamedAfterTheirChannels() {
    ModelChannels brain = TestLayouts.brain();
    assertEquals("t1_t1ce", brain.branchName(0));
    assertEquals("t2_flair", brain.branchName(1));
    assertArrayEquals(new int[] {2, 3}, brain.group(1));
    assertEquals(ChannelScaling.STUDY_RELATIVE, brain.maskedScaling());
    assertEquals("pet", ModelChannels.petCt().branchName(0));
  }

  @Test
  void theGridIsFittedToTheFieldOfViewOnlyWhenTheLayoutSaysSo() {
    assertEquals(4.0, ModelChannels.petCt().networkPixelMm(4.0, 128, 700, 700), 0);
    assertEquals(2048.0 / 64, TestLayouts.planarCounts().networkPixelMm(4.0, 64, 512, 2048), 0);
  }

  @Test
  void inconsistentLayoutsAreRefused() {
    ModelChannels pc = ModelChannels.petCt();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelChannels("x",
        pc.inputs(), List.of(List.of("PET")), 0, "CT", 0, 2.5, 10, pc.regions(), false, false));
    assertTrue(e.getMessage().contains("exactly once"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ModelChannels("x", pc.inputs(), pc.groups(), 1, "CT",
        0, 2.5, 10, pc.regions(), false, false));
    assertTrue(e.getMessage().contains("masked group"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ModelChannels("x", pc.inputs(), pc.groups(), 0, "PET",
        0, 2.5, 10, pc.regions(), false, false));
    assertTrue(e.getMessage().contains("body"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OutputRegion.parseValues("0-3"));
    assertThrows(IllegalArgumentException.class, () -> new OutputRegion("ET", OutputRegion.parseValues("4"), 2));
  }
}
