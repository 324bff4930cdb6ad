package io.petal.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-ae on a synthetic cohort with two workers: checkpoints, card, falling loss, resume = uninterrupted. */
class AutoencoderTrainerTest {
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse warehouse;
  private static final AutoencoderConfig TINY = AutoencoderConfig.defaults().toBuilder()
      .size(32).pixelSpacingMm(16).depth(2).baseFilters(4).latentChannels(8).maskPatchSize(8).learningRate(3e-3)
      .build();

  @BeforeAll
  static void cohort() throws Exception {
    warehouse = SyntheticWarehouse.create(SPARK, dir, 2, 1, 11);
  }

  private static AutoencoderTrainer.Options options(String model, int epochs, boolean resume) {
    return new AutoencoderTrainer.Options(warehouse, model, epochs, resume, false, TINY, 16, 2, 3,
        NormalSliceRule.AUTO, "all");
  }

  @Test
  void trainsWritesCheckpointsAndCardAndResumesWhereItStopped() throws Exception {
    AutoencoderTrainer.Result straight = AutoencoderTrainer.run(SPARK, options("straight", 3, false));
    ModelCard card = straight.card();
    assertEquals("complete", card.status());
    assertEquals(3, card.epochs().size());
    assertTrue(card.epochs().get(2).loss() < card.epochs().get(0).loss(), "loss falls: " + card.epochs());
    assertEquals("negative-studies", card.data().selectionRule());
    assertEquals(2, card.data().studies()); // the two normal patients
    assertEquals(2, card.data().patients());
    assertEquals("all", card.data().split());
    assertTrue(card.data().slices() > 100, "slices " + card.data().slices());
    assertEquals("2", card.hyperParameters().get("workers"));
    assertEquals("16.0", card.hyperParameters().get("pixelSpacingMm"));
    assertTrue(card.epochs().get(0).slicesPerSecond() > 0);
    assertEquals(card.data().slices(), card.epochs().get(0).slices());

    Path folder = Path.of(java.net.URI.create(warehouse.model("straight")));
    for (String f : List.of("model.zip", "model-card.json", "checkpoints/epoch-0001.zip", "checkpoints/epoch-0003.zip")) {
      assertTrue(Files.isRegularFile(folder.resolve(f)), f);
    }
    ModelCard reread = new ModelFolder(warehouse.model("straight"), SPARK.sparkContext().hadoopConfiguration()).readCard();
    assertEquals(card, reread);

    // two epochs, then resume to three: the same weights as three epochs in one go
    AutoencoderTrainer.run(SPARK, options("resumed", 2, false));
    AutoencoderTrainer.Result resumed = AutoencoderTrainer.run(SPARK, options("resumed", 3, true));
    assertEquals(List.of(1, 2, 3), resumed.card().epochs().stream().map(ModelCard.EpochRecord::epoch).toList());
    ModelFolder a = new ModelFolder(warehouse.model("straight"), SPARK.sparkContext().hadoopConfiguration());
    ModelFolder b = new ModelFolder(warehouse.model("resumed"), SPARK.sparkContext().hadoopConfiguration());
    AutoencoderModel ma = a.readModel();
    AutoencoderModel mb = b.readModel();
    assertEquals(ma.iteration(), mb.iteration());
    assertArrayEquals(ma.getParams(), mb.getParams(), 1e-6f);
  }

  @Test
  void anExistingModelIsNotOverwrittenAndResumeNeedsACheckpoint() throws Exception {
    IllegalStateException noCheckpoint = assertThrows(IllegalStateException.class,
        () -> AutoencoderTrainer.run(SPARK, options("never-trained", 1, true)));
    assertTrue(noCheckpoint.getMessage().contains("no checkpoint"), noCheckpoint.getMessage());
    AutoencoderTrainer.run(SPARK, options("once", 1, false));
    IllegalStateException exists = assertThrows(IllegalStateException.class,
        () -> AutoencoderTrainer.run(SPARK, options("once", 1, false)));
    assertTrue(exists.getMessage().contains("--resume") && exists.getMessage().contains("--overwrite"),
        exists.getMessage());
  }

  @Test
  void lesionFreeSlicesOfAbnormalStudiesWhenAsked() throws Exception {
    AutoencoderTrainer.Options o = new AutoencoderTrainer.Options(warehouse, "lesion-free", 1, false, false, TINY, 16, 1,
        50, NormalSliceRule.LESION_FREE_SLICES, "all");
    ModelCard card = AutoencoderTrainer.run(SPARK, o).card();
    assertEquals(3, card.data().studies());
    assertEquals("lesion-free-slices", card.data().selectionRule());
    ModelCard negative = AutoencoderTrainer.run(SPARK, new AutoencoderTrainer.Options(warehouse, "negative", 1, false,
        false, TINY, 16, 1, 50, NormalSliceRule.NEGATIVE_STUDIES, "all")).card();
    assertTrue(card.data().slices() > negative.data().slices(), "abnormal study adds its lesion-free slices");
  }
}
