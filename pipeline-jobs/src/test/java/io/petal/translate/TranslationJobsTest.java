package io.petal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.AutoencoderConfig;
import io.petal.models.ChannelGroups;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.translate.TranslationConfig;
import io.petal.scoring.ScoringSettings;
import io.petal.segmentation.AnnotationSource;
import io.petal.segmentation.LabelSource;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.segmentation.TextFusionMode;
import io.petal.synth.SynthConfig;
import io.petal.tables.StudyImagesReader;
import io.petal.testing.TestSpark;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.ModelCard;
import io.petal.training.NormalSliceRule;
import io.petal.training.SyntheticWarehouse;
import io.petal.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** petal pretrain (CT → PET) on a small synthetic cohort, and segment train starting a fusion branch from it. */
class TranslationJobsTest {
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse warehouse;
  /** Two levels of 4 and 8 filters, one neighbour each side: the segmentation's encoder below. */
  private static final TranslationConfig CT_TO_PET = TranslationConfig.builder(List.of("CT"), List.of("PET"))
      .baseFilters(4).depth(2).discriminatorFilters(4).discriminatorDepth(2).learningRate(2e-3).build();
  private static final SegmentationConfig FUSION = SegmentationConfig.defaults().toBuilder()
      .baseFilters(4).depth(2).learningRate(3e-3).channelGroups(ChannelGroups.parse("PET;CT")).build();

  @BeforeAll
  static void cohortAndAutoencoder() throws Exception {
    // 40 × 40 voxels of 12.8 mm, 68 slices of 16 mm; network grid 32 × 32 pixels of 16 mm
    warehouse = SyntheticWarehouse.create(SPARK, dir, 4, 4, 31, new SynthConfig(40, 40, 68, 12.8, 16.0, 7.0, 3, 0.0), 1);
    AutoencoderConfig ae = AutoencoderConfig.defaults().toBuilder().size(32).pixelSpacingMm(16).depth(2).baseFilters(4)
        .latentChannels(8).maskPatchSize(8).build();
    AutoencoderTrainer.run(SPARK, new AutoencoderTrainer.Options(warehouse, "ae", 1, false, false, ae, 32, 1, 5,
        NormalSliceRule.NEGATIVE_STUDIES, "all"));
  }

  private static TranslationTrainer.Options pretrain(String model, TranslationConfig config, int epochs) {
    return new TranslationTrainer.Options(warehouse, model, "ae", epochs, false, true, config, 16, 2, 3, "auto", null);
  }

  private static SegmentationTrainer.Options segment(String model, SegmentationConfig config, String initFrom) {
    return new SegmentationTrainer.Options(warehouse, model, "ae", 1, false, true, config, LabelSource.REAL, 8, 1, 4,
        "auto", 0, ScoringSettings.DEFAULT, null, AnnotationSource.FIRST, initFrom, TextFusionMode.OFF);
  }

  @Test
  void pretrainsOnEveryTrainingStudyWithoutLabelsThenStartsTheSegmentationBranch() throws Exception {
    ModelCard card = TranslationTrainer.run(SPARK, pretrain("ct2pet", CT_TO_PET, 3)).card();
    assertEquals("cross-modality-translator", card.architecture());
    long trainStudies = StudyImagesReader.studies(SPARK, warehouse, s -> "train".equals(s.split())).size();
    assertTrue(trainStudies < 8, "the cohort holds test patients out");
    assertEquals(trainStudies, card.data().studies(), "normal and abnormal studies of split=train alike");
    assertEquals("train", card.data().split());
    assertEquals("32", card.hyperParameters().get("size"), "the autoencoder's grid");
    assertEquals("16.0", card.hyperParameters().get(TranslationTrainer.CARD_PIXEL_MM));
    assertEquals("CT", card.hyperParameters().get("sourceChannels"));
    double first = card.epochs().get(0).lossTerms().get("l1");
    double last = card.epochs().get(2).lossTerms().get("l1");
    assertTrue(last < first, "L1 falls over the epochs: " + first + " -> " + last);

    ModelCard seg = SegmentationTrainer.run(SPARK, segment("seg-pretrained", FUSION, "ct2pet")).card();
    assertEquals("ct2pet (encoder of branch CT/)", seg.hyperParameters().get(SegmentationTrainer.CARD_INIT_FROM));
    assertEquals("PET;CT", seg.hyperParameters().get("channelGroups"));
  }

  @Test
  void refusesATranslatorThatDoesNotFitTheSegmentation() throws Exception {
    TranslationTrainer.run(SPARK, pretrain("ct2pet-wide", CT_TO_PET.toBuilder().baseFilters(6).build(), 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SegmentationTrainer.run(SPARK, segment("seg-wide", FUSION, "ct2pet-wide")));
    assertTrue(e.getMessage().contains("ct2pet-wide") && e.getMessage().contains("shape"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SegmentationTrainer.run(SPARK,
        segment("seg-plain", FUSION.toBuilder().channelGroups(ChannelGroups.NONE).build(), "ct2pet-wide")));
    assertTrue(e.getMessage().contains("no channel groups"), e.getMessage());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> SegmentationTrainer.run(SPARK, segment("seg-missing", FUSION, "nothing")));
    assertTrue(missing.getMessage().contains("petal pretrain"), missing.getMessage());
  }
}
