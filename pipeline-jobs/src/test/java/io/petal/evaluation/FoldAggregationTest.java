package io.petal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.metrics.DetectionCounts;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.report.FoldResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Folds aggregate by pooling their held-out studies and histograms, and report one row each. */
class FoldAggregationTest {
  /** A study of {@code patient} scored by {@code model} with the given Dice (no other figure matters here). */
  static StudyResult study(String patient, String model, double dice, String... sources) {
    List<ModelScore> scores = new java.util.ArrayList<>();
    for (int s = 0; s < Math.max(1, sources.length); s++) {
      String source = sources.length == 0 ? "seg" : sources[s];
      double d = sources.length > 1 && s > 0 ? dice / 2 : dice;
      scores.add(new ModelScore(model, source, s == 0, new PatientSegmentationMetrics("study-" + patient, d, d, 0, 0,
          1, 1, new DetectionCounts(2, 1, 0, Map.of()))));
    }
    return new StudyResult("c", patient, "study-" + patient, false, null, List.of(sources), 10, 2, 2, true, scores);
  }

  private static FoldOutcome fold(int number, Set<String> train, Set<String> test, String model,
      float[] positives, float[] negatives) {
    CohortMetrics m = new CohortMetrics();
    test.forEach(p -> m.add(study(p, model, p.equals("a") ? 0.5 : 0.9)));
    for (float s : positives) {
      m.pixel().add(s, true);
      m.slice().add(s, true);
    }
    for (float s : negatives) {
      m.pixel().add(s, false);
      m.slice().add(s, false);
    }
    return new FoldOutcome(new Fold(number, 2, train, test),
        new FoldModels("ae-fold" + number, Map.of("seg", model)), m.renamed(Map.of(model, "seg")));
  }

  @Test
  void pooledFoldsHoldEveryHeldOutStudyAndEveryScore() {
    FoldOutcome one = fold(1, Set.of("c", "d"), Set.of("a", "b"), "seg-fold1", new float[] {3, 4}, new float[] {1});
    FoldOutcome two = fold(2, Set.of("a", "b"), Set.of("c", "d"), "seg-fold2", new float[] {5}, new float[] {2, 6});
    CohortMetrics pooled = FoldAggregation.pooled(List.of(two, one));
    assertEquals(4, pooled.studies().size());
    assertEquals(3, pooled.pixel().positives());
    assertEquals(3, pooled.pixel().negatives());
    // positives 3, 4, 5 against negatives 1, 2, 6: 6 of 9 pairs ranked right
    assertEquals(6.0 / 9, pooled.pixel().auroc().value(), 1e-12);
    assertEquals(4, pooled.patients("seg").size(), "fold models pooled under one name");
    assertTrue(pooled.patients("seg-fold1").isEmpty());

    List<FoldResult> folds = FoldAggregation.perFold(List.of(two, one), "seg");
    assertEquals(List.of(1, 2), folds.stream().map(FoldResult::fold).toList());
    assertEquals(2, folds.get(0).trainPatients());
    assertEquals(2, folds.get(0).testPatients());
    assertEquals((0.5 + 0.9) / 2, folds.get(0).figures().dice().mean(), 1e-12);
    assertEquals(1.0, folds.get(0).figures().pixel().auroc().value(), 1e-12, "3 and 4 above 1");
    assertEquals(0.5, folds.get(1).figures().pixel().auroc().value(), 1e-12, "5 above 2, below 6");
    assertEquals(0.9, folds.get(1).figures().dice().mean(), 1e-12);
  }
}
