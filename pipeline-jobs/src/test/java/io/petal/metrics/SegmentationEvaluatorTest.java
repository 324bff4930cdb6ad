package io.petal.metrics;

import static io.petal.metrics.TinyMasks.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentationEvaluatorTest {

  @Test
  void everyMetricOfOnePatientByHand() {
    // 2 mm voxels (0.008 mL). Truth: a 2x2x2 cube and a lone voxel at the far corner.
    // Prediction: the same cube and a lone voxel at another corner.
    ImageGrid grid = TinyMasks.grid(6, 2, 2, 2);
    MaskPair masks = pair(grid, "1-2,1-2,1-2 5,5,5", "1-2,1-2,1-2 5,0,0");
    PatientSegmentationMetrics m = SegmentationEvaluator.autoPet().evaluate(masks, SizeStrata.sizeLevels());
    assertEquals(masks.caseId(), m.caseId());
    assertEquals(2.0 * 8 / 18, m.dice(), 1e-12);
    // the cubes' 8 + 8 surface voxels coincide; the lone voxels are >= 6.6 mm from anything
    assertEquals(16.0 / 18, m.surfaceDice(), 1e-12);
    assertEquals(0.008, m.falsePositiveVolumeMl(), 1e-12);
    assertEquals(0.008, m.falseNegativeVolumeMl(), 1e-12);
    assertEquals(0.072, m.truthVolumeMl(), 1e-12);
    assertEquals(0.072, m.predictedVolumeMl(), 1e-12);
    // both lesions are TINY (equivalent radii 2.5 and 1.2 mm)
    assertEquals(new DetectionCounts(2, 1, 1, Map.of("TINY", new StratumCount(2, 1))), m.detection());
  }

  @Test
  void aLesionFreePatientHasNoDiceButItsFalsePositiveVolume() {
    MaskPair masks = pair(TinyMasks.grid(4, 1, 1, 1), "", "0-1,0,0");
    PatientSegmentationMetrics autoPet = SegmentationEvaluator.autoPet().evaluate(masks);
    assertTrue(Double.isNaN(autoPet.dice()) && Double.isNaN(autoPet.surfaceDice()));
    assertEquals(0.002, autoPet.falsePositiveVolumeMl(), 1e-12);
    PatientSegmentationMetrics counted = SegmentationEvaluator.autoPet()
        .withEmptyMaskPolicy(EmptyMaskPolicy.BOTH_EMPTY_ONE).evaluate(masks);
    assertEquals(0.0, counted.dice());
  }

  @Test
  void masksComeFromLabelVolumesOnTheSameGrid() {
    ImageGrid grid = new ImageGrid(3, 2, 1, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    Volume truth = new Volume(grid, new float[] {0, 2, 2, 0, 0, 0});
    Volume predicted = new Volume(grid, new float[] {0, 1, 0, 0, 0, 0});
    assertEquals(2.0 / 3, Dice.of(MaskPair.of("p1", truth, predicted)), 1e-12);
    ImageGrid shifted = new ImageGrid(3, 2, 1, Affine.axisAligned(1, 1, 1, 0, 0, 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MaskPair.of("p1", truth, Volume.zeros(shifted)));
    assertTrue(e.getMessage().startsWith("p1: prediction grid"), e.getMessage());
    IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
        () -> MaskPair.of("p2", grid, new byte[6], new byte[5]));
    assertTrue(len.getMessage().startsWith("p2: prediction mask has 5 voxels"), len.getMessage());
  }
}
