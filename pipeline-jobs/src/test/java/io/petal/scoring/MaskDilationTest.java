package io.petal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.schema.StudyKind;
import io.petal.training.KindChannels;
import org.junit.jupiter.api.Test;

class MaskDilationTest {
  @Test
  void growsEachSliceByADiscOfTheRadius() {
    int size = 9;
    float[] mask = new float[2 * size * size];
    mask[4 * size + 4] = 1f; // slice 0: the centre
    MaskDilation.grow(mask, 0, 2, size, 2);
    int ones = 0;
    for (int v = 0; v < size * size; v++) {
      ones += mask[v] > 0 ? 1 : 0;
    }
    assertEquals(13, ones, "a disc of radius 2 holds 13 pixels");
    assertEquals(1f, mask[4 * size + 6]);
    assertEquals(0f, mask[6 * size + 6], "(2, 2) lies 2.83 px away");
    for (int v = size * size; v < mask.length; v++) {
      assertEquals(0f, mask[v], "slice 1 stays empty: slices grow on their own");
    }
  }

  @Test
  void clipsAtTheSliceEdgeAndKeepsRadiusZeroAsIs() {
    int size = 4;
    float[] mask = new float[size * size];
    mask[0] = 1f;
    float[] same = mask.clone();
    MaskDilation.grow(same, 0, 1, size, 0);
    assertEquals(1f, same[0]);
    assertEquals(0f, same[1]);
    MaskDilation.grow(mask, 0, 1, size, 1);
    assertEquals(1f, mask[1]);
    assertEquals(1f, mask[size]);
    assertEquals(0f, mask[size + 1]);
  }

  @Test
  void radiusInPixelsFromMillimetres() {
    assertEquals(2, MaskDilation.radiusPixels(8, 4));
    assertEquals(1, MaskDilation.radiusPixels(5, 4));
    assertEquals(0, MaskDilation.radiusPixels(0, 4));
  }

  @Test
  void kindDefaultGrowsPetMasksOnlyAndAnExplicitRadiusWins() {
    ScoringSettings d = ScoringSettings.DEFAULT;
    assertEquals(MaskDilation.PET_DEFAULT_MM, MaskDilation.radiusMm(d, KindChannels.of(StudyKind.PET_CT)));
    assertEquals(0, MaskDilation.radiusMm(d, KindChannels.of(StudyKind.BRAIN_MRI)));
    ScoringSettings none = new ScoringSettings(d.threshold(), 8, 10, 32, 0, 0, 0, 0);
    assertEquals(0, MaskDilation.radiusMm(none, KindChannels.of(StudyKind.PET_CT)));
    ScoringSettings six = new ScoringSettings(d.threshold(), 8, 10, 32, 0, 6, 0, 0);
    assertEquals(6, MaskDilation.radiusMm(six, KindChannels.of(StudyKind.SPECT_BONE)));
    assertEquals("SUV 2.50, grown by 12 mm", MaskThreshold.describe(d, KindChannels.of(StudyKind.PET_CT)));
  }
}
