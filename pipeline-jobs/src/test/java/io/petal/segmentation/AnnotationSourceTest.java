package io.petal.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.models.seg.SegmentationConfig;
import io.petal.scoring.ScoringSettings;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A segmentation learns from the chosen annotation source: the label and the lesion samples of a
 * two-source study follow the source, a study without it is unannotated, and per-source models
 * are named {@code <family>@<source>}.
 */
class AnnotationSourceTest {
  private static final ImageGrid GRID = new ImageGrid(16, 16, 8, Affine.axisAligned(4, 4, 4, 0, 0, 0));

  /** An abnormal study of soft tissue (SUV 1, 40 HU) whose source seg marks slice 2 and seg_b slice 5. */
  private static StudyImages twoSourceStudy() {
    int n = GRID.voxelCount();
    float[] pet = new float[n];
    float[] ct = new float[n];
    Arrays.fill(pet, 1f);
    Arrays.fill(ct, 40f);
    byte[] seg = new byte[n];
    byte[] segB = new byte[n];
    seg[GRID.index(8, 8, 2)] = 1;
    segB[GRID.index(8, 8, 5)] = 1;
    segB[GRID.index(9, 8, 5)] = 1;
    return StudyImages.of(info("study-1", List.of("seg", "seg_b")), new float[][] {pet, ct}, new byte[][] {seg, segB});
  }

  private static StudyInfo info(String study, List<String> sources) {
    return new StudyInfo("c", "patient-" + study, study, "pet-ct", List.of("PET", "CT"), List.of("SUV", "HU"), GRID,
        false, "train", sources);
  }

  private static SegmentationStudy prepare(StudyImages study, AnnotationSource source) {
    return new SegmentationStudies(SegmentationConfig.defaults().toBuilder().size(16).build(), 4,
        ScoringSettings.DEFAULT, LabelSource.REAL, source, 4).prepare(study);
  }

  private static int[] lesionSlices(SegmentationStudy s) {
    int plane = s.stack().grid().sliceSize();
    return java.util.stream.IntStream.range(0, s.stack().slices())
        .filter(k -> java.util.stream.IntStream.range(k * plane, (k + 1) * plane).anyMatch(v -> s.label()[v] > 0))
        .toArray();
  }

  @Test
  void theLabelAndTheLesionSamplesFollowTheChosenSource() {
    StudyImages study = twoSourceStudy();
    SegmentationStudy first = prepare(study, AnnotationSource.FIRST);
    SegmentationStudy b = prepare(study, AnnotationSource.of("seg_b"));
    assertArrayEquals(new int[] {2}, lesionSlices(first), "by default each study's first source, seg");
    assertArrayEquals(new int[] {2}, lesionSlices(prepare(study, AnnotationSource.of("seg"))));
    assertArrayEquals(new int[] {5}, lesionSlices(b));
    assertEquals(2.0, Arrays.stream(toDouble(b.label())).sum(), 0, "seg_b's two voxels");
    assertEquals(5, b.samples()[0], "lesion slices are sampled first");
    assertEquals(2, first.samples()[0]);
  }

  @Test
  void aStudyWithoutTheSourceIsUnannotated() {
    AnnotationSource c = AnnotationSource.of("seg_c");
    StudyImages study = twoSourceStudy();
    assertEquals(-1, c.indexIn(study.info()));
    SegmentationStudy prepared = prepare(study, c);
    assertEquals(0, lesionSlices(prepared).length);
    assertEquals(0, prepared.samples().length, "an abnormal study without annotation gives no real-label sample");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c.requireIn(List.of(study.info()), "W"));
    assertTrue(e.getMessage().contains("'seg_c'") && e.getMessage().contains("[seg, seg_b]"), e.getMessage());
    AnnotationSource.FIRST.requireIn(List.of(), "W");
    assertEquals(AnnotationSource.FIRST, AnnotationSource.of(" "));
  }

  @Test
  void perSourceModelsAreNamedAfterTheirSource() {
    StudyInfo two = info("s2", List.of("seg", "seg_b"));
    StudyInfo one = info("s1", List.of("seg"));
    StudyInfo none = info("s0", List.of());
    assertEquals(Map.of("segmentation", AnnotationSource.FIRST), PerSourceModels.of("segmentation", List.of(one, none)));
    Map<String, AnnotationSource> models = PerSourceModels.of("segmentation", List.of(one, two));
    assertEquals(List.of("segmentation@seg", "segmentation@seg_b"), List.copyOf(models.keySet()));
    assertEquals(AnnotationSource.of("seg_b"), models.get("segmentation@seg_b"));
    assertEquals(List.of("seg", "seg_b"), PerSourceModels.sources(List.of(two, one)));
    assertEquals("segmentation-fold2", PerSourceModels.family("segmentation-fold2@seg_b"));
    assertEquals("seg_b", PerSourceModels.source("segmentation-fold2@seg_b"));
    assertEquals(null, PerSourceModels.source("segmentation"));
    assertThrows(IllegalArgumentException.class, () -> PerSourceModels.name("segmentation", "seg/../x"));
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
