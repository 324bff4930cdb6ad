package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StudyScaleTest {
  /**
   * A hand-made volume: 1000 background voxels of noise 0..9, 1000 tissue voxels 200..1199 (one
   * each), 5 lesion voxels at 5000. The positive values' 99th percentile lies in the tissue, the
   * noise falls below 5 % of it, and the scale is the tissue's own 99th percentile.
   */
  @Test
  void theScaleIsTheHighPercentileOfTheStudysForeground() {
    float[] v = new float[2005];
    for (int i = 0; i < 1000; i++) {
      v[i] = i % 10;
      v[1000 + i] = 200 + i;
    }
    Arrays.fill(v, 2000, 2005, 5000f);
    // foreground: the 1005 tissue and lesion voxels; rank ceil(0.99 × 1005) = 995 → tissue value 200 + 994
    assertEquals(1194, StudyScale.of(v), 0);
    float[] doubled = v.clone();
    for (int i = 0; i < v.length; i++) {
      doubled[i] *= 2;
    }
    assertEquals(2 * 1194, StudyScale.of(doubled), 0, "another scanner gain: the same relative values");
  }

  @Test
  void aSmallHotLesionDoesNotMoveTheScale() {
    float[] v = new float[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < 980 ? 100 : 150; // 2 % bright tissue
    }
    double before = StudyScale.of(v);
    assertEquals(150, before, 0);
    for (int i = 0; i < 5; i++) {
      v[i] = 10_000;
    }
    assertEquals(before, StudyScale.of(v), 0, "0.5 % of the foreground lies above the 99th percentile");
  }

  @Test
  void theForegroundRuleIsFivePercentOfTheScale() {
    assertTrue(StudyScale.isForeground(0.06f));
    assertTrue(!StudyScale.isForeground(0.05f));
    assertEquals(0.5f, ChannelScaling.STUDY_RELATIVE.toNetwork(0.5f, InputNormalisation.DEFAULT), 0);
    assertEquals(ChannelScaling.RELATIVE_CLIP, ChannelScaling.STUDY_RELATIVE.toNetwork(100f, InputNormalisation.DEFAULT));
    assertEquals(0f, ChannelScaling.STUDY_RELATIVE.toNetwork(Float.NaN, InputNormalisation.DEFAULT), 0);
  }

  @Test
  void anEmptyChannelHasNoScale() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyScale.of(new float[8]));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }
}
