package io.petal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.geometry.PlanarViewGrid;
import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.schema.BratsLabels;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyInfo;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link StudyScorer} on other kinds: output regions from label values, planar views measured in 2D. */
class StudyScorerRegionsTest {
  private static final StudyScorer SCORER = new StudyScorer(EvaluateJob.EVALUATOR, EvaluateJob.STRATA);

  /**
   * Truth: 8 oedema, 4 necrotic core, 4 enhancing voxels (WT 16, TC 8, ET 4). Prediction: the
   * oedema and the core right, the enhancing tumour predicted as core (label 1). Expected Dice:
   * WT 1, TC 1, ET 0.
   */
  @Test
  void brainMasksAreScoredPerRegionFromTheirLabelValues() {
    ImageGrid g = new ImageGrid(8, 8, 2, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    byte[] truth = new byte[g.voxelCount()];
    byte[] predicted = new byte[g.voxelCount()];
    for (int x = 0; x < 8; x++) {
      truth[g.index(x, 2, 0)] = BratsLabels.EDEMA;
      predicted[g.index(x, 2, 0)] = BratsLabels.EDEMA;
    }
    for (int x = 0; x < 4; x++) {
      truth[g.index(x, 3, 0)] = BratsLabels.NECROTIC_CORE;
      predicted[g.index(x, 3, 0)] = BratsLabels.NECROTIC_CORE;
      truth[g.index(x + 4, 3, 0)] = BratsLabels.ENHANCING;
      predicted[g.index(x + 4, 3, 0)] = BratsLabels.NECROTIC_CORE;
    }
    StudyInfo info = new StudyInfo("c", "p", "s", "brain-mri", List.of("t1", "t1ce", "t2", "flair"),
        List.of("a.u.", "a.u.", "a.u.", "a.u."), g, false, "test", List.of("seg"));
    CohortMetrics m = score(info, g, truth, predicted, 4);
    assertEquals(List.of("WT", "TC", "ET"), m.regions());
    assertEquals(1.0, m.patients("unet", "WT").get(0).dice(), 1e-12);
    assertEquals(1.0, m.patients("unet", "TC").get(0).dice(), 1e-12);
    assertEquals(0.0, m.patients("unet", "ET").get(0).dice(), 1e-12);
    assertEquals(m.patients("unet", "WT"), m.patients("unet"), "the per-model figures are the whole tumour's");
  }

  /**
   * A bone scan with the same lesion in both views (same pixels, the posterior mirrored at ingest):
   * measured in 2D it is two lesions, one per view, not one joined across views; Dice pools both
   * views; volumes are areas in cm² (4 pixels of 8 mm × 8 mm per view = 5.12 cm² in all).
   */
  @Test
  void planarViewsAreMeasuredInTwoDimensions() {
    ImageGrid g = PlanarViewGrid.of(8, 8, 2, 8.0, 8.0);
    byte[] truth = new byte[g.voxelCount()];
    byte[] predicted = new byte[g.voxelCount()];
    for (int k = 0; k < 2; k++) {
      for (int x = 3; x < 5; x++) {
        for (int y = 3; y < 5; y++) {
          truth[g.index(x, y, k)] = 1;
        }
      }
    }
    predicted[g.index(3, 3, 0)] = 1;
    StudyInfo info = new StudyInfo("c", "p", "s", "spect-bone", List.of("counts"), List.of("counts"), g, false, "test",
        List.of("seg"));
    CohortMetrics m = score(info, g, truth, predicted, 1);
    assertEquals(2, m.studies().get(0).lesions(), "one lesion per view");
    PatientSegmentationMetrics p = m.patients("unet", "lesion").get(0);
    assertEquals(2.0 * 1 / (8 + 1), p.dice(), 1e-12);
    assertEquals(1, p.detection().detected(), "the anterior lesion is found, the posterior one missed");
    assertEquals(2, p.detection().lesions());
    assertEquals(8 * 0.64, p.truthVolumeMl(), 1e-9);
    assertTrue(m.regions().equals(List.of("lesion")));
  }

  private static CohortMetrics score(StudyInfo info, ImageGrid g, byte[] truth, byte[] predicted, int channels) {
    StudyImages images = StudyImages.of(info, new float[channels][g.voxelCount()], new byte[][] {truth});
    TreeMap<String, byte[]> masks = new TreeMap<>();
    masks.put("unet", predicted);
    return SCORER.addTo(new CohortMetrics(), new ScoredStudy(images, null, masks));
  }
}
