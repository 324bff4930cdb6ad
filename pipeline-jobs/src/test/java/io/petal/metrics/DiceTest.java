package io.petal.metrics;

import static io.petal.metrics.TinyMasks.pair;
import static io.petal.metrics.TinyMasks.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.image.ImageGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiceTest {
  private static final ImageGrid GRID = TinyMasks.grid(4, 1, 1, 1);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "identical              | 0,0,0 1,0,0     | 0,0,0 1,0,0 | 1",
      "half overlap           | 0,0,0 1,0,0     | 1,0,0 2,0,0 | 1/2",
      "prediction inside      | 0-2,0,0         | 1,0,0       | 1/2",
      "disjoint               | 0,0,0           | 3,3,3       | 0",
      "cube and one face      | 0-1,0-1,0-1     | 0-1,0-1,0   | 8/12",
      "nothing predicted      | 0,0,0           |             | 0"})
  void diceMatchesHandCount(String name, String truth, String predicted, String expected) {
    assertEquals(value(expected), Dice.of(pair(GRID, truth, predicted)), 1e-12);
  }

  /** Dice and surface Dice share the empty-mask policy; the same table holds for both. */
  @ParameterizedTest(name = "{0}: truth [{1}] prediction [{2}] -> {3}")
  @CsvSource(delimiter = '|', value = {
      "EMPTY_TRUTH_UNDEFINED |       | 1,1,1 | NaN",
      "EMPTY_TRUTH_UNDEFINED |       |       | NaN",
      "EMPTY_TRUTH_UNDEFINED | 1,1,1 |       | 0",
      "BOTH_EMPTY_UNDEFINED  |       | 1,1,1 | 0",
      "BOTH_EMPTY_UNDEFINED  |       |       | NaN",
      "BOTH_EMPTY_UNDEFINED  | 1,1,1 |       | 0",
      "BOTH_EMPTY_ONE        |       | 1,1,1 | 0",
      "BOTH_EMPTY_ONE        |       |       | 1",
      "BOTH_EMPTY_ONE        | 1,1,1 |       | 0"})
  void emptyMasksFollowThePolicy(EmptyMaskPolicy policy, String truth, String predicted, String expected) {
    MaskPair masks = pair(GRID, truth, predicted);
    assertEquals(value(expected), Dice.of(masks, policy), "Dice");
    assertEquals(value(expected), SurfaceDice.of(masks, 2.0, policy), "surface Dice");
  }

  @ParameterizedTest(name = "default policy with truth [{0}] prediction [{1}] -> {2}")
  @CsvSource(delimiter = '|', value = {" | 1,1,1 | NaN", " | | NaN"})
  void theDefaultPolicyIsAutoPets(String truth, String predicted, String expected) {
    assertEquals(EmptyMaskPolicy.EMPTY_TRUTH_UNDEFINED, EmptyMaskPolicy.DEFAULT);
    assertEquals(value(expected), Dice.of(pair(GRID, truth, predicted)));
  }
}
