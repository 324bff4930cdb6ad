package io.petal.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.seg.SegmentationModel;
import io.petal.models.text.ReportVocabulary;
import io.petal.models.text.TextFusionConfig;
import io.petal.tables.StudyInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report-text decisions of segment train: vocabulary from the training patients, text mode, features, card. */
class ReportTextTest {
  private static final ImageGrid GRID = new ImageGrid(8, 8, 4, Affine.axisAligned(4, 4, 4, 0, 0, 0));
  private static final SegmentationConfig CONFIG = SegmentationConfig.builder().size(16).depth(2).baseFilters(2)
      .text(new TextFusionConfig(false, 64, 4)).build();
  /** Four training patients (p1 with two studies) and one test patient. */
  private static final List<StudyInfo> TRAIN = List.of(study("p1", "s1"), study("p1", "s2"), study("p2", "s3"),
      study("p3", "s4"), study("p4", "s5"));
  private static final StudyInfo TEST = study("p5", "s6");
  private static final StudyReports REPORTS = StudyReports.of(Map.of(
      "s1", "Intense uptake in the left rib.", "s2", "Mild uptake in the sacrum.", "s3", "Intense uptake in the rib.",
      "s4", "肋骨见放射性浓聚灶。Uptake in the sacrum.", "s5", "  ", "s6", "Uptake in the skull."));

  private static StudyInfo study(String patient, String key) {
    return new StudyInfo("c", patient, key, "spect-bone", List.of("ANT", "POST"), List.of("counts", "counts"), GRID,
        false, "train", List.of("seg"));
  }

  @Test
  void autoSwitchesTextOnWhenTheTrainingReportsGiveAVocabulary() {
    SegmentationModel model = ReportText.freshModel(CONFIG, TextFusionMode.AUTO, REPORTS, TRAIN);
    assertTrue(model.config().text().enabled());
    ReportVocabulary v = model.vocabulary().orElseThrow();
    assertEquals(64, v.dimension());
    assertEquals(4, v.reports(), "s5 is blank; the test patient's report is not used");
    assertTrue(nonZero(v.features("uptake")) > 0);
  }

  @Test
  void autoLeavesTextOffWithoutReportsAndOffAlwaysDoes() {
    StudyReports none = StudyReports.of(Map.of());
    SegmentationModel model = ReportText.freshModel(CONFIG, TextFusionMode.AUTO, none, TRAIN);
    assertFalse(model.config().text().enabled());
    assertTrue(model.vocabulary().isEmpty());
    assertFalse(ReportText.freshModel(CONFIG, TextFusionMode.OFF, REPORTS, TRAIN).config().text().enabled());
    assertTrue(ReportText.freshModel(CONFIG, TextFusionMode.ON, none, TRAIN).config().text().enabled(),
        "on is on even when no report gives a term (every study gets zeros)");
    assertEquals(TextFusionMode.ON, TextFusionMode.parse(" On "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextFusionMode.parse("yes"));
    assertTrue(e.getMessage().contains("auto, on or off"), e.getMessage());
  }

  @Test
  void featuresAreTheVocabularysForEveryStudyAndZerosWithoutAReport() {
    SegmentationModel model = ReportText.freshModel(CONFIG, TextFusionMode.AUTO, REPORTS, TRAIN);
    ReportFeatures f = ReportText.features(model, "seg", REPORTS, List.of(TRAIN.get(0), TRAIN.get(4), TEST));
    assertEquals(64, f.dimension());
    assertEquals(2, f.studiesWithFeatures(), "s1 and the test study; s5 is blank");
    float[] out = new float[3 * 64];
    f.copy("s1", out, 64);
    assertArrayEquals(model.vocabulary().orElseThrow().features("Intense uptake in the left rib."),
        java.util.Arrays.copyOfRange(out, 64, 128));
    float[] blank = f.repeated("s5", 2);
    assertEquals(0, nonZero(blank));
    assertEquals(128, blank.length);
    assertEquals(0, nonZero(f.repeated("unknown-study", 1)));
    assertEquals(null, ReportText.features(ReportText.freshModel(CONFIG, TextFusionMode.OFF, REPORTS, TRAIN), "seg",
        REPORTS, TRAIN), "no features for a model without text");
  }

  @Test
  void aTextModelWithoutItsVocabularyIsRefusedByName() {
    SegmentationModel noVocabulary = SegmentationModel.create(CONFIG.toBuilder().text(CONFIG.text().withEnabled(true))
        .build());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ReportText.features(noVocabulary, "seg-x", REPORTS, TRAIN));
    assertTrue(e.getMessage().contains("'seg-x'") && e.getMessage().contains("vocabulary"), e.getMessage());
  }

  @Test
  void theCardAndTheLogGetCountsOnly() {
    SegmentationModel model = ReportText.freshModel(CONFIG, TextFusionMode.AUTO, REPORTS, TRAIN);
    Map<String, String> card = ReportText.card(model, REPORTS, TRAIN);
    assertEquals("on", card.get("text"));
    assertEquals("4 of 5", card.get("textTrainingStudiesWithReport"));
    assertEquals("4", card.get("textVocabularyReports"));
    String log = ReportText.describe(model, REPORTS, TRAIN);
    assertTrue(log.startsWith("on (4 of 5 training studies with a report, vocabulary "), log);
    for (String text : List.of(card.toString(), log)) {
      assertFalse(text.contains("rib") || text.contains("sacrum") || text.contains("浓聚"), text);
    }
  }

  private static int nonZero(float[] f) {
    int n = 0;
    for (float x : f) {
      n += x != 0 ? 1 : 0;
    }
    return n;
  }
}
