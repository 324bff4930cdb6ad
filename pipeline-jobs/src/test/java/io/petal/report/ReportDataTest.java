package io.petal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.metrics.DetectionCounts;
import io.petal.metrics.PatientSegmentationMetrics;
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
  void segmentationIntervalsStayInsideEachMetricsRange() {
    // two patients: FNV 0 and 5 mL, Dice 0.95 and 1: Student's t interval would reach below 0 mL and above 1
    List<PatientSegmentationMetrics> two = List.of(
        new PatientSegmentationMetrics("a", 0.95, 0.95, 0, 0, 1, 1, DetectionCounts.none()),
        new PatientSegmentationMetrics("b", 1.0, 1.0, 5, 5, 6, 6, DetectionCounts.none()));
    KeyFigures f = KeyFigures.ofPatients(RankingResult.notScored(), RankingResult.notScored(), two);
    assertTrue(Summary.of(0, 5).ciLow() < 0, "the unclipped interval");
    assertEquals(0.0, f.falseNegativeVolumeMl().ciLow(), 0);
    assertEquals(0.0, f.falsePositiveVolumeMl().ciLow(), 0);
    assertEquals(Summary.of(0, 5).ciHigh(), f.falseNegativeVolumeMl().ciHigh(), 1e-12);
    assertEquals(1.0, f.dice().ciHigh(), 0);
    assertEquals(1.0, f.surfaceDice().ciHigh(), 0);
    assertEquals(0.975, f.dice().mean(), 1e-12);
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
