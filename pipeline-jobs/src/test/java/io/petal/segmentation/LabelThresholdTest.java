package io.petal.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.petal.training.ModelCard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelThresholdTest {
  private static ModelCard card(List<Map<String, Double>> validations) {
    List<ModelCard.EpochRecord> epochs = new java.util.ArrayList<>();
    for (int e = 0; e < validations.size(); e++) {
      epochs.add(new ModelCard.EpochRecord(e + 1, 0.5, Map.of(), 100, 1, 100, 1, validations.get(e),
          "checkpoints/epoch-" + (e + 1) + ".zip"));
    }
    return new ModelCard("seg", "anomaly-guided-unet", "complete", "test", "2026-11-22T00:00:00Z", null, Map.of(), null,
        epochs, 1, "local[1]");
  }

  @Test
  void bestIsTheHighestScoreAndTheLowestThresholdOfATie() {
    assertEquals(3, LabelThreshold.best(new double[] {0.60, 0.62, 0.65, 0.70, 0.69, 0.50}));
    assertEquals(1, LabelThreshold.best(new double[] {0.60, 0.70, 0.70, Double.NaN, 0.2, 0.1}));
    assertEquals(2, LabelThreshold.best(new double[] {Double.NaN, Double.NaN, 0.1, Double.NaN, Double.NaN, 0.05}));
    assertEquals(-1, LabelThreshold.best(new double[] {Double.NaN, Double.NaN}));
  }

  @Test
  void aModelLabelsAtItsLastEpochsChoiceUnlessTheCallerGivesOne() {
    ModelCard tuned = card(List.of(Map.of("dice", 0.5, LabelThreshold.FIGURE, 0.7),
        Map.of("dice", 0.6, LabelThreshold.FIGURE, 0.9)));
    assertEquals(0.9f, LabelThreshold.of(tuned, null));
    assertEquals(0.35f, LabelThreshold.of(tuned, 0.35f));
  }

  @Test
  void withoutValidationPatientsTheThresholdIsOneHalf() {
    assertEquals(0.5f, LabelThreshold.of(card(List.of(Map.of(), Map.of())), null));
    assertEquals(0.5f, LabelThreshold.of(card(List.of()), null));
    assertEquals(0.5f, LabelThreshold.of(card(List.of(Map.of("dice", 0.4))), null), "a card from before the figure");
  }

  @Test
  void aThresholdOutsideTheOpenUnitIntervalIsRefused() {
    ModelCard tuned = card(List.of(Map.of(LabelThreshold.FIGURE, 0.8)));
    for (float bad : new float[] {0f, 1f, -0.2f, Float.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelThreshold.of(tuned, bad));
      assertEquals("label threshold must lie in (0, 1), got " + bad, e.getMessage());
    }
  }
}
