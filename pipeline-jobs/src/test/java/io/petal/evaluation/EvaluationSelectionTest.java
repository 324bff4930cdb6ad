package io.petal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.tables.StudyInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which studies are evaluated: annotated or normal ones, of the chosen split. */
class EvaluationSelectionTest {
  private static StudyInfo study(String key, Boolean normal, String split, String... sources) {
    return new StudyInfo("c", "p-" + key, key, "pet-ct", List.of("PET", "CT"), List.of("SUV", "HU"),
        new ImageGrid(4, 4, 4, Affine.axisAligned(1, 1, 1, 0, 0, 0)), normal, split, List.of(sources));
  }

  private static Map<String, StudyInfo> cohort(StudyInfo... studies) {
    Map<String, StudyInfo> m = new LinkedHashMap<>();
    for (StudyInfo s : studies) {
      m.put("c/" + s.studyKey(), s);
    }
    return m;
  }

  @Test
  void annotatedAndNormalStudiesOfTheSplitAreEvaluated() {
    Map<String, StudyInfo> all = cohort(study("a", false, "test", "seg"), study("b", true, "test"),
        study("c", false, "test"), study("d", false, "train", "seg"));
    EvaluationSelection test = EvaluationSelection.of(all, "test");
    assertEquals(Set.of("c/a", "c/b"), test.studies().keySet(), "c is abnormal without annotation");
    assertEquals("test split", test.description());
    assertEquals(Set.of("c/a", "c/b", "c/d"), EvaluationSelection.of(all, EvaluationSelection.ALL).studies().keySet());
  }

  @Test
  void withoutSplitsEveryStudyIsEvaluatedAndAMissingSplitIsNamed() {
    Map<String, StudyInfo> none = cohort(study("a", false, null, "seg"), study("b", true, null));
    EvaluationSelection s = EvaluationSelection.of(none, "test");
    assertEquals(2, s.studies().size());
    assertTrue(s.description().contains("no study has a split"), s.description());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EvaluationSelection.of(cohort(study("a", false, "train", "seg")), "test"));
    assertTrue(e.getMessage().contains("[train]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EvaluationSelection.of(cohort(study("a", false, null)), "all"));
  }

  @Test
  void examplesAreSpreadFromTheLargestToTheSmallestLesion() {
    assertEquals(List.of(10, 6, 2), ExampleSlices.evenlySpaced(List.of(10, 9, 8, 7, 6, 5, 4, 3, 2), 3));
    assertEquals(List.of(10, 9), ExampleSlices.evenlySpaced(List.of(10, 9), 3));
    assertEquals(List.of(10), ExampleSlices.evenlySpaced(List.of(10, 9, 8), 1));
  }
}
