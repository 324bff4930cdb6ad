package io.petal.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.tables.StudyInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSelectionTest {
  private static StudyInfo study(String key, Boolean normal, String split, boolean labelled) {
    return new StudyInfo("c", "p-" + key, key, "pet-ct", List.of("PET", "CT"), List.of("SUV", "HU"),
        new ImageGrid(4, 4, 4, Affine.axisAligned(1, 1, 1, 0, 0, 0)), normal, split,
        labelled ? List.of("seg") : List.of());
  }

  @Test
  void autoSplitIsTrainWhenTheCohortHasSplitsElseAll() {
    TrainingSelection auto = new TrainingSelection("auto", NormalSliceRule.AUTO);
    assertEquals("train", auto.resolveSplit(List.of(study("a", true, "train", false), study("b", true, null, false))));
    assertEquals("all", auto.resolveSplit(List.of(study("a", true, null, false))));
    assertEquals("test", new TrainingSelection("test", NormalSliceRule.AUTO).resolveSplit(List.of()));
  }

  @Test
  void autoRuleIsNegativeStudiesWhenAnyStudyIsNormal() {
    assertEquals(NormalSliceRule.NEGATIVE_STUDIES, NormalSliceRule.AUTO.resolve(java.util.Arrays.asList(null, true, false)));
    assertEquals(NormalSliceRule.LESION_FREE_SLICES, NormalSliceRule.AUTO.resolve(java.util.Arrays.asList(null, false)));
    assertEquals(NormalSliceRule.LESION_FREE_SLICES, NormalSliceRule.parse("Lesion-Free-Slices"));
    assertThrows(IllegalArgumentException.class, () -> NormalSliceRule.parse("healthy"));
  }

  @Test
  void eligibleStudiesFollowTheRule() {
    Map<String, StudyInfo> all = new LinkedHashMap<>();
    all.put("n", study("n", true, null, false));
    all.put("a-labelled", study("a-labelled", false, null, true));
    all.put("a-unlabelled", study("a-unlabelled", false, null, false));
    all.put("unknown", study("unknown", null, null, false));
    assertEquals(List.of("n"), List.copyOf(TrainingSelection.eligible(all, NormalSliceRule.NEGATIVE_STUDIES).keySet()));
    assertEquals(List.of("n", "a-labelled"),
        List.copyOf(TrainingSelection.eligible(all, NormalSliceRule.LESION_FREE_SLICES).keySet()));
  }
}
