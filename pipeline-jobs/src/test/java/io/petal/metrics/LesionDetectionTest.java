package io.petal.metrics;

import static io.petal.metrics.TinyMasks.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.ImageGrid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LesionDetectionTest {
  private static final ImageGrid GRID = TinyMasks.grid(6, 1, 1, 1);

  /** Truth, prediction, then true lesions, detected, false-positive components by hand (any overlap). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "one of two hit, one FP              | 0-1,0,0 4,4,4 | 1,0,0 2,2,2   | 2 | 1 | 1",
      "corner-touching truth: two lesions  | 0,0,0 1,1,1   | 0,0,0         | 2 | 1 | 0",
      "edge-touching truth: one lesion     | 0,0,0 1,1,0   | 1,1,0         | 1 | 1 | 0",
      "one component over two lesions      | 0,0,0 2,0,0   | 0-2,0,0       | 2 | 2 | 0",
      "corner-touching prediction: two FPs |               | 0,0,0 1,1,1   | 0 | 0 | 2",
      "nothing predicted                   | 0,0,0         |               | 1 | 0 | 0",
      "both empty                          |               |               | 0 | 0 | 0"})
  void countsMatchHandCount(String name, String truth, String predicted, long lesions, long detected, long fp) {
    DetectionCounts counts = LesionDetection.count(
        LesionComponents.of(pair(GRID, truth, predicted)), DetectionCriterion.anyOverlap());
    assertEquals(new DetectionCounts(lesions, detected, fp, Map.of()), counts);
  }

  /**
   * Criterion, prediction, whether the lesion 0-3,0,0 (4 voxels) is detected. Prediction 3-4,0,0
   * overlaps 1 voxel with IoU 1 / (4 + 2 - 1) = 0.2.
   */
  @ParameterizedTest(name = "{0} with prediction {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "any     | 3-4,0,0 | true",
      "min 2   | 3-4,0,0 | false",
      "min 2   | 2-4,0,0 | true",
      "iou 0.1 | 3-4,0,0 | true",
      "iou 0.2 | 3-4,0,0 | false",
      "iou 0.9 | 0-3,0,0 | true",
      "iou 0   | 5,5,5   | false"})
  void criteriaDecideFromOverlapAndIou(String criterion, String predicted, boolean detected) {
    LesionComponents c = LesionComponents.of(pair(GRID, "0-3,0,0", predicted));
    assertEquals(detected ? 1 : 0, LesionDetection.count(c, criterion(criterion)).detected());
  }

  @Test
  void iouUsesEveryPredictedComponentTouchingTheLesion() {
    // lesions (0,0,0) and (2,0,0) share one 3-voxel predicted bar: IoU of each = 1 / 3
    LesionComponents c = LesionComponents.of(pair(GRID, "0,0,0 2,0,0", "0-2,0,0"));
    assertEquals(2, LesionDetection.count(c, DetectionCriterion.iouAbove(0.33)).detected());
    assertEquals(0, LesionDetection.count(c, DetectionCriterion.iouAbove(0.34)).detected());
  }

  @Test
  void countsSplitByCallerStrataAndBySize() {
    // lesion 1: one voxel (1 mm³, r = 0.62 mm); lesion 2: 3x3x3 cube (27 mm³, r = 1.86 mm), hit
    LesionComponents c = LesionComponents.of(pair(GRID, "0,0,0 2-4,2-4,2-4", "3,3,3 0,5,5"));
    DetectionCounts bySite = LesionDetection.count(c, DetectionCriterion.anyOverlap(),
        Map.of(1, "lung", 2, "liver"));
    assertEquals(Map.of("lung", new StratumCount(1, 0), "liver", new StratumCount(1, 1)), bySite.byStratum());
    assertEquals(List.of("liver", "lung"), List.copyOf(bySite.byStratum().keySet()), "sorted by name");
    DetectionCounts bySize = LesionDetection.count(c, DetectionCriterion.anyOverlap(),
        SizeStrata.byRadius(1.0).assign(c));
    assertEquals(new DetectionCounts(2, 1, 1,
        Map.of("r<=1mm", new StratumCount(1, 0), "r>1mm", new StratumCount(1, 1))), bySize);
  }

  @Test
  void aLesionWithoutStratumIsRefusedNamingTheCase() {
    LesionComponents c = LesionComponents.of(pair(GRID, "0,0,0 4,4,4", ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LesionDetection.count(c, DetectionCriterion.anyOverlap(), Map.of(1, "lung")));
    assertTrue(e.getMessage().contains("lesion 2 of 2 has no stratum") && e.getMessage().startsWith("case-"),
        e.getMessage());
  }

  @Test
  void countsOfPatientsAddUpPerStratum() {
    DetectionCounts a = new DetectionCounts(3, 2, 1, Map.of("TINY", new StratumCount(2, 1), "LARGE", new StratumCount(1, 1)));
    DetectionCounts b = new DetectionCounts(2, 0, 4, Map.of("TINY", new StratumCount(2, 0)));
    DetectionCounts sum = a.plus(b).plus(DetectionCounts.none());
    assertEquals(new DetectionCounts(5, 2, 5, Map.of("TINY", new StratumCount(4, 1), "LARGE", new StratumCount(1, 1))), sum);
    assertEquals(0.4, sum.sensitivity(), 1e-12);
    assertEquals(0.25, sum.byStratum().get("TINY").sensitivity(), 1e-12);
    assertTrue(Double.isNaN(DetectionCounts.none().sensitivity()));
  }

  @Test
  void badCriteriaAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> DetectionCriterion.minOverlapVoxels(0));
    assertThrows(IllegalArgumentException.class, () -> DetectionCriterion.iouAbove(1));
    assertThrows(IllegalArgumentException.class, () -> DetectionCriterion.iouAbove(Double.NaN));
  }

  private static DetectionCriterion criterion(String text) {
    String[] t = text.trim().split(" ");
    return switch (t[0]) {
      case "any" -> DetectionCriterion.anyOverlap();
      case "min" -> DetectionCriterion.minOverlapVoxels(Integer.parseInt(t[1]));
      case "iou" -> DetectionCriterion.iouAbove(Double.parseDouble(t[1]));
      default -> throw new IllegalArgumentException(text);
    };
  }
}
