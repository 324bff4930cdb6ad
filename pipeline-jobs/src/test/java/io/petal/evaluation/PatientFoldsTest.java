package io.petal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Patient-level folds: each patient tested exactly once, never trained on in its own fold, balanced, seeded. */
class PatientFoldsTest {
  private static List<String> patients(int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("%032x", i * 7919L)).toList();
  }

  @ParameterizedTest(name = "{0} patients, {1} folds")
  @CsvSource({"10, 2", "23, 5", "5, 5", "101, 10"})
  void everyPatientIsInExactlyOneTestFoldAndNeverInTrainAndTest(int n, int k) {
    List<String> all = patients(n);
    List<Fold> folds = PatientFolds.folds(PatientFolds.assign(all, k, 42), k);
    assertEquals(k, folds.size());
    List<String> tested = new ArrayList<>();
    for (Fold f : folds) {
      tested.addAll(f.testPatients());
      Set<String> overlap = new HashSet<>(f.testPatients());
      overlap.retainAll(f.trainPatients());
      assertEquals(Set.of(), overlap, "fold " + f.number());
      assertEquals(n, f.testPatients().size() + f.trainPatients().size(), "fold " + f.number() + " covers everyone");
      assertTrue(Math.abs(f.testPatients().size() - n / (double) k) < 1, "fold " + f.number() + " is balanced: "
          + f.testPatients().size());
    }
    assertEquals(n, tested.size(), "no patient tested twice");
    assertEquals(new HashSet<>(all), new HashSet<>(tested), "every patient tested");
  }

  @Test
  void theAssignmentDependsOnTheSeedNotOnTheOrder() {
    List<String> all = patients(40);
    List<String> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new java.util.Random(3));
    Map<String, Integer> a = PatientFolds.assign(all, 4, 9);
    assertEquals(a, PatientFolds.assign(shuffled, 4, 9));
    assertNotEquals(a, PatientFolds.assign(all, 4, 10));
    assertNotEquals(Map.of(), a);
    List<String> repeated = new ArrayList<>(all);
    repeated.addAll(all.subList(0, 5)); // a patient with several studies is listed several times
    assertEquals(a, PatientFolds.assign(repeated, 4, 9));
  }

  @Test
  void tooFewPatientsOrFoldsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PatientFolds.assign(patients(3), 4, 1));
    assertThrows(IllegalArgumentException.class, () -> PatientFolds.assign(patients(3), 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Fold(1, 2, Set.of("a", "b"), Set.of("b")));
  }
}
