package io.petal.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.AutoencoderConfig;
import io.petal.models.seg.SegmentationConfig;
import io.petal.models.text.TextFusionConfig;
import io.petal.schema.MasksTable;
import io.petal.schema.StudiesTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.TensorCodec;
import io.petal.scoring.ScoringSettings;
import io.petal.testing.CapturedLogs;
import io.petal.testing.TestSpark;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.ModelCard;
import io.petal.training.NormalSliceRule;
import io.petal.training.SyntheticWarehouse;
import io.petal.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment train (prior and no-prior, real + synthetic labels) and predict on a small synthetic cohort. */
class SegmentationJobsTest {
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse warehouse;
  private static final SegmentationConfig TINY = SegmentationConfig.defaults().toBuilder()
      .baseFilters(4).depth(3).learningRate(3e-3).build();

  @BeforeAll
  static void cohortAndAutoencoder() throws Exception {
    warehouse = SyntheticWarehouse.create(SPARK, dir, 3, 3, 21);
    AutoencoderConfig ae = AutoencoderConfig.defaults().toBuilder()
        .size(64).pixelSpacingMm(8).depth(3).baseFilters(8).latentChannels(32).maskPatchSize(12).learningRate(2e-3)
        .build();
    AutoencoderTrainer.run(SPARK, new AutoencoderTrainer.Options(warehouse, "ae", 3, false, false, ae, 16, 1, 10,
        NormalSliceRule.NEGATIVE_STUDIES, "all"));
  }

  private static SegmentationTrainer.Options options(String model, SegmentationConfig config, LabelSource labels) {
    return new SegmentationTrainer.Options(warehouse, model, "ae", 3, false, false, config, labels, 8, 2, 4, "all", 0.34,
        ScoringSettings.DEFAULT);
  }

  /** With the synthetic studies' reports (text auto, as petal run trains). */
  @Test
  void trainsOnRealAndSyntheticLabelsThenPredictsEverySlice() throws Exception {
    SegmentationTrainer.Options o = options("seg", TINY.toBuilder().text(new TextFusionConfig(false, 256, 8)).build(),
        LabelSource.BOTH);
    SegmentationTrainer.Result r;
    List<String> logged;
    try (CapturedLogs logs = new CapturedLogs(Level.DEBUG)) {
      r = SegmentationTrainer.run(SPARK, new SegmentationTrainer.Options(o.warehouse(), o.model(), o.autoencoder(),
          o.epochs(), false, false, o.config(), o.labels(), o.batchSize(), o.workers(), o.averagingFrequency(), o.split(),
          o.validationFraction(), o.scoring(), null, null, null, TextFusionMode.AUTO));
      logged = logs.lines();
    }
    assertTrue(logged.stream().anyMatch(l -> l.contains("report text: on (")), "the log says text is on");
    ModelCard card = r.card();
    assertEquals("on", card.hyperParameters().get("text"), "the synthetic studies carry reports");
    assertEquals("true", card.hyperParameters().get("text.enabled"));
    assertEquals("256", card.hyperParameters().get("text.vocabularySize"));
    int terms = Integer.parseInt(card.hyperParameters().get("textVocabularyTerms"));
    assertTrue(terms > 20 && terms <= 256, "terms " + terms);
    String cardText = Files.readString(Path.of(java.net.URI.create(warehouse.model("seg") + "/model-card.json")));
    for (Row study : SPARK.read().parquet(warehouse.table(StudiesTable.NAME)).collectAsList()) {
      String report = study.getAs(StudiesTable.REPORT);
      String opening = report.substring(0, Math.min(30, report.length()));
      assertFalse(cardText.contains(opening), "report text in the card");
      assertFalse(logged.stream().anyMatch(l -> l.contains(opening)), "report text in the log");
    }
    assertEquals("anomaly-guided-unet", card.architecture());
    assertEquals(3, card.epochs().size());
    assertEquals("ae", card.hyperParameters().get("autoencoder"));
    assertEquals("8.0", card.hyperParameters().get("pixelSpacingMm"));
    assertEquals("64", card.hyperParameters().get("size")); // the autoencoder's grid
    assertTrue(card.epochs().get(2).loss() < card.epochs().get(0).loss(), "loss falls: " + card.epochs());
    assertNotNull(card.validationRule(), "6 patients: a third held out");
    java.util.Map<String, Double> validation = card.epochs().get(2).validation();
    double chosen = validation.get(LabelThreshold.FIGURE);
    assertTrue(java.util.Arrays.stream(LabelThreshold.CANDIDATES).anyMatch(c -> c == chosen), validation.toString());
    assertTrue(validation.get(LabelThreshold.DICE_FIGURE) >= validation.get("dice"),
        "the chosen threshold scores at least as well as 0.5 (a candidate): " + validation);

    SegmentationPredictJob.Summary p = SegmentationPredictJob.run(SPARK,
        new SegmentationPredictJob.Options(warehouse, "seg", "all", ScoringSettings.DEFAULT, 16));
    assertEquals((float) chosen, p.labelThreshold(), "labels drawn at the threshold chosen on the validation patients");
    long slices = SPARK.read().parquet(warehouse.table(SlicesTable.NAME)).count();
    assertEquals(6, p.studies());
    assertEquals(slices, p.slices());
    assertLabelledAt(p.labelThreshold());
    // predicting again, at a threshold the caller gives, replaces the model's rows
    SegmentationPredictJob.Summary again = SegmentationPredictJob.run(SPARK, new SegmentationPredictJob.Options(
        warehouse, "seg", "all", ScoringSettings.DEFAULT, 16, null, 0.97f));
    assertEquals(0.97f, again.labelThreshold());
    assertEquals(slices, SPARK.read().parquet(warehouse.table(MasksTable.NAME))
        .filter(functions.col(MasksTable.MODEL).equalTo("seg")).count());
    assertLabelledAt(0.97f);
  }

  /** The label of model seg's rows is 1 exactly where the stored probability is at or above the threshold. */
  private static void assertLabelledAt(float threshold) {
    List<Row> some = SPARK.read().parquet(warehouse.table(MasksTable.NAME))
        .filter(functions.col(MasksTable.MODEL).equalTo("seg")).limit(40).collectAsList();
    for (Row row : some) {
      int n = row.<Integer>getAs(MasksTable.WIDTH) * row.<Integer>getAs(MasksTable.HEIGHT);
      float[] prob = TensorCodec.decodeFloats(row.getAs(MasksTable.PROBABILITY), n);
      float[] label = TensorCodec.decodeLabels(row.getAs(MasksTable.LABEL));
      for (int v = 0; v < n; v++) {
        assertTrue(prob[v] >= 0 && prob[v] <= 1, "probability " + prob[v]);
        assertEquals(prob[v] >= threshold ? 1f : 0f, label[v], "at probability " + prob[v]);
      }
    }
  }

  @Test
  void noPriorAblationAndSyntheticOnlyTraining() throws Exception {
    ModelCard noPrior = SegmentationTrainer.run(SPARK,
        options("seg-noprior", TINY.toBuilder().usePrior(false).build(), LabelSource.REAL)).card();
    assertEquals("false", noPrior.hyperParameters().get("usePrior"));
    ModelCard synthetic = SegmentationTrainer.run(SPARK, options("seg-synthetic", TINY, LabelSource.SYNTHETIC)).card();
    assertEquals("synthetic", synthetic.data().selectionRule());
    assertEquals(3, synthetic.data().studies(), "normal studies only");
    assertFalse(synthetic.epochs().isEmpty());
  }
}
