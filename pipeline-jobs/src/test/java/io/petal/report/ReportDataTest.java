package io.petal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.metrics.SegmentationEvaluator;
import io.petal.metrics.SizeStrata;
import io.petal.metrics.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDataTest {

  @Test
  void aMethodNamedTwiceIsRefusedByName() {
    List<MethodResult> methods = SyntheticReport.methods();
    MethodResult guided = methods.get(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReportData("run",
        Map.of(), SyntheticReport.cohort(), SegmentationEvaluator.autoPet(), SizeStrata.sizeLevels(),
        HeadlineFigures.of(guided, guided), List.of(guided, guided), null, List.of(), List.of()));
    assertTrue(e.getMessage().contains("'" + SyntheticReport.GUIDED + "' appears twice"), e.getMessage());
  }

  @Test
  void crossEvaluationMustBeSquare() {
    Summary s = Summary.of(0.5, 0.6);
    assertThrows(IllegalArgumentException.class,
        () -> new CrossEvaluation(List.of("a", "b"), List.of(List.of(s, s), List.of(s))));
  }

  @Test
  void keyFiguresOfARankingOnlyMethodAreUndefinedForSegmentation() {
    KeyFigures f = KeyFigures.of(SyntheticReport.methods().get(3));
    assertTrue(f.pixel().auroc().isDefined());
    assertTrue(Double.isNaN(f.dice().mean()));
    assertEquals(0, f.patients());
    assertTrue(Double.isNaN(f.lesionSensitivity()));
  }

  @Test
  void strataFollowTheSizeLevelsNotTheAlphabet() {
    assertEquals(List.of("TINY", "SMALL", "MEDIUM", "LARGE", "VERY_LARGE"),
        SizeSensitivity.strata(SyntheticReport.full()));
    assertEquals("5 < r ≤ 10 mm", SizeSensitivity.radiusRange(SizeStrata.sizeLevels(), "SMALL"));
    assertEquals("r > 25 mm", SizeSensitivity.radiusRange(SizeStrata.sizeLevels(), "VERY_LARGE"));
  }

  @Test
  void caseIdsAreShortened() {
    assertEquals("0123abcd", CaseIds.shortId("0123abcdef"));
    assertEquals("short", CaseIds.shortId("short"));
  }
}
