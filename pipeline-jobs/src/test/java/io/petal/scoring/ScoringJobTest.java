package io.petal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.metrics.AurocEstimate;
import io.petal.metrics.ScoreHistogram;
import io.petal.models.AutoencoderConfig;
import io.petal.schema.AnomalyTable;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.schema.TensorCodec;
import io.petal.testing.TestSpark;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.NormalSliceRule;
import io.petal.training.SyntheticWarehouse;
import io.petal.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train-ae then score on a synthetic cohort: every slice scored once, lesions stand out, re-runs replace. */
class ScoringJobTest {
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse warehouse;

  @BeforeAll
  static void trainedModel() throws Exception {
    warehouse = SyntheticWarehouse.create(SPARK, dir, 3, 2, 5);
    AutoencoderConfig config = AutoencoderConfig.defaults().toBuilder()
        .size(64).pixelSpacingMm(8).depth(3).baseFilters(8).latentChannels(32).maskPatchSize(12).learningRate(2e-3)
        .build();
    AutoencoderTrainer.run(SPARK, new AutoencoderTrainer.Options(warehouse, "ae", 6, false, false, config, 16, 1, 10,
        NormalSliceRule.NEGATIVE_STUDIES, "all"));
  }

  @Test
  void everySliceIsScoredOnceAndLesionVoxelsStandOut() throws Exception {
    ScoringJob.Summary first = ScoringJob.run(SPARK, new ScoringJob.Options(warehouse, "ae", ScoringSettings.DEFAULT));
    ScoringJob.Summary again = ScoringJob.run(SPARK, new ScoringJob.Options(warehouse, "ae", ScoringSettings.DEFAULT));
    long slices = SPARK.read().parquet(warehouse.table(SlicesTable.NAME)).count();
    assertEquals(5, first.studies());
    assertEquals(slices, first.slices());
    assertEquals(first, again); // the model's partition is replaced, not appended to

    Dataset<Row> anomaly = SPARK.read().parquet(warehouse.table(AnomalyTable.NAME));
    ScoreHistogram pixels = new ScoreHistogram();
    ScoreHistogram slicesHist = new ScoreHistogram();
    List<Row> rows = anomaly.alias("a").join(SPARK.read().parquet(warehouse.table(SlicesTable.NAME)).alias("s"),
            functions.col("a." + Columns.STUDY_KEY).equalTo(functions.col("s." + Columns.STUDY_KEY))
                .and(functions.col("a." + AnomalyTable.SLICE_INDEX).equalTo(functions.col("s." + SlicesTable.SLICE_INDEX))))
        .filter(functions.col("s." + SlicesTable.LABEL_COUNT).gt(0))
        .select(functions.col("a." + AnomalyTable.ANOMALY), functions.col("a." + AnomalyTable.SCORE),
            functions.col("s." + SlicesTable.LABELS), functions.col("s." + SlicesTable.LESION_VOXELS))
        .collectAsList();
    for (Row r : rows) {
      byte[] labels = r.getAs(2);
      float[] map = TensorCodec.decodeFloats(r.getAs(0), labels.length);
      pixels.add(map, labels);
      slicesHist.add(r.<Float>getAs(1), r.<Integer>getAs(3) > 0);
    }
    AurocEstimate pixel = pixels.auroc();
    AurocEstimate slice = slicesHist.auroc();
    System.out.printf("synthetic test cohort: pixel AUROC %.4f, slice AUROC %.4f%n", pixel.value(), slice.value());
    assertTrue(pixel.value() > 0.95, "pixel AUROC " + pixel);
    assertTrue(slice.value() > 0.6, "slice AUROC " + slice); // 5 small lesion slices on an 8 mm grid: noisy
  }
}
