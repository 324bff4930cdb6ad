package io.petal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.metrics.ExactAuroc;
import io.petal.report.ReportWriter;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * petal evaluate end to end on a synthetic cohort whose anomaly maps and masks the test wrote
 * ({@link ScoredWarehouse}): the distributed AUROCs against an exact computation over every voxel
 * and slice, the segmentation figures against values known from the masks, the report's files,
 * the warehouse metric tables, and a two-fold cross-validation with a stand-in trainer.
 */
class EvaluateJobTest {
  private static final int NORMAL = 3;
  private static final int ABNORMAL = 3;
  private static final int STUDIES = NORMAL + ABNORMAL;
  private static final String RUN = "run1";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;
  private static String cubeStudy;
  private static EvaluationSummary summary;
  private static JsonNode json;
  private static double voxelMl;

  @BeforeAll
  static void evaluate() throws Exception {
    ScoredWarehouse.Scored scored = ScoredWarehouse.create(SPARK, dir, NORMAL, ABNORMAL, 11);
    w = scored.warehouse();
    cubeStudy = scored.cubeStudy();
    Row spacing = SPARK.read().parquet(w.table("studies")).select("spacing_x_mm", "spacing_y_mm", "spacing_z_mm")
        .first();
    voxelMl = spacing.getDouble(0) * spacing.getDouble(1) * spacing.getDouble(2) / 1000;
    summary = EvaluateJob.run(SPARK, new EvaluateJob.Options(w, EvaluationSelection.ALL, ScoredWarehouse.AE,
        List.of(), RUN, 2));
    json = JSON.readTree(Files.readString(local(w.report(RUN)).resolve(ReportWriter.SUMMARY)));
  }

  @Test
  void distributedAurocsEqualTheExactOnesOverEveryVoxelAndSlice() {
    List<Row> slices = SPARK.read().parquet(w.table(SlicesTable.NAME))
        .select(SlicesTable.WIDTH, SlicesTable.HEIGHT, SlicesTable.IMAGE, SlicesTable.LABELS, SlicesTable.LESION_VOXELS)
        .collectAsList();
    int plane = slices.get(0).<Integer>getAs(SlicesTable.WIDTH) * slices.get(0).<Integer>getAs(SlicesTable.HEIGHT);
    float[] voxelScores = new float[slices.size() * plane];
    boolean[] lesionVoxel = new boolean[voxelScores.length];
    float[] sliceScores = new float[slices.size()];
    boolean[] lesionSlice = new boolean[slices.size()];
    for (int s = 0; s < slices.size(); s++) {
      Row r = slices.get(s);
      float[] pet = ScoredWarehouse.pet(r);
      byte[] label = ScoredWarehouse.label(r);
      for (int v = 0; v < plane; v++) {
        float a = ScoredWarehouse.anomaly(pet[v]);
        voxelScores[s * plane + v] = a;
        lesionVoxel[s * plane + v] = label[v] != 0;
        sliceScores[s] = Math.max(sliceScores[s], a);
      }
      lesionSlice[s] = r.<Integer>getAs(SlicesTable.LESION_VOXELS) > 0;
    }
    double pixel = ExactAuroc.auroc(voxelScores, lesionVoxel);
    double slice = ExactAuroc.auroc(sliceScores, lesionSlice);
    assertEquals(pixel, json.get("pixel_auroc").asDouble(), 1e-4, "pixel AUROC over " + voxelScores.length + " voxels");
    assertEquals(slice, json.get("slice_auroc").asDouble(), 1e-4, "slice AUROC over " + sliceScores.length + " slices");
    assertTrue(Math.abs(pixel - summary.pixel().auroc().value()) <= summary.pixel().auroc().errorBound() + 1e-12,
        "the exact AUROC lies within the stated bound: " + summary.pixel().auroc());
    assertEquals(json.get("pixel_auroc_error_bound").asDouble(), summary.pixel().auroc().errorBound(), 0);
    assertEquals(ExactAuroc.averagePrecision(voxelScores, lesionVoxel), json.get("pixel_auprc").asDouble(), 0.01);
    assertEquals(voxelScores.length, summary.pixel().auroc().positives() + summary.pixel().auroc().negatives());
    assertTrue(pixel < 0.999 && slice < 0.999, "lesions and normal uptake overlap: " + pixel + ", " + slice);
    assertEquals(ComparedMethods.rankingName(ScoredWarehouse.AE), json.get("ranking_method").asText());
  }

  @Test
  void segmentationFiguresAreThoseOfTheKnownMasks() {
    assertEquals(ScoredWarehouse.PERFECT, json.get("segmentation_method").asText());
    assertEquals(1.0, json.get("dice_mean").asDouble(), 1e-12, "the perfect model's Dice");
    assertEquals(ABNORMAL, json.get("dice_n").asInt(), "Dice is defined on the lesion-positive studies only");
    assertEquals(ScoredWarehouse.CUBE_VOXELS * voxelMl / NORMAL, json.get("fpv_lesion_free_ml_mean").asDouble(), 1e-9);
    assertEquals(NORMAL, json.get("fpv_lesion_free_ml_n").asInt());
    assertEquals(ScoredWarehouse.CUBE_VOXELS * voxelMl / STUDIES, json.get("fpv_ml_mean").asDouble(), 1e-9);
    assertEquals(1.0, json.get("lesion_sensitivity").asDouble(), 0);
    assertEquals(1, json.get("false_positive_components").asInt(), "the cube");

    long lesionVoxels = SPARK.read().parquet(w.table(SlicesTable.NAME))
        .agg(functions.sum(SlicesTable.LESION_VOXELS)).first().getLong(0);
    JsonNode empty = method(ScoredWarehouse.EMPTY);
    assertEquals(0.0, empty.get("dice_mean").asDouble(), 0);
    assertEquals(lesionVoxels * voxelMl / STUDIES, empty.get("fnv_ml_mean").asDouble(), 1e-9,
        "every true lesion is missed: FNV = truth volume");
    assertEquals(0, empty.get("lesions_detected").asInt());
    assertEquals(json.get("lesions").asInt(), empty.get("lesions").asInt());
    assertTrue(json.get("lesions").asInt() >= ABNORMAL);
    assertEquals(summary.models().get(ScoredWarehouse.EMPTY).dice().mean(), 0.0, 0);

    JsonNode cohort = json.get("cohort");
    long lesionSlices = SPARK.read().parquet(w.table(SlicesTable.NAME)).filter(functions.col(SlicesTable.LESION_VOXELS)
        .gt(0)).count();
    assertEquals(STUDIES, cohort.get("patients").asInt());
    assertEquals(STUDIES, cohort.get("studies").asInt());
    assertEquals(ABNORMAL, cohort.get("lesion_positive_patients").asInt());
    assertEquals(lesionSlices, cohort.get("lesion_slices").asLong());
    assertEquals(SPARK.read().parquet(w.table(SlicesTable.NAME)).count(), cohort.get("slices").asLong());
  }

  /**
   * Each segmentation model is ranked by its probability too: the perfect model's is 0.9 on every
   * lesion voxel and on the 8-voxel cube of two normal slices, 0.1 elsewhere, so its AUROCs count
   * only those ties; the empty model's is 0.1 everywhere (AUROC one half).
   */
  @Test
  void segmentationModelsAreRankedByTheirProbability() {
    Row totals = SPARK.read().parquet(w.table(SlicesTable.NAME)).agg(
        functions.sum(functions.col(SlicesTable.WIDTH).multiply(functions.col(SlicesTable.HEIGHT))),
        functions.sum(SlicesTable.LESION_VOXELS), functions.count(functions.lit(1)),
        functions.sum(functions.when(functions.col(SlicesTable.LESION_VOXELS).gt(0), 1).otherwise(0))).first();
    long voxels = totals.getLong(0);
    long lesionVoxels = totals.getLong(1);
    long slices = totals.getLong(2);
    long lesionSlices = totals.getLong(3);
    double pixel = 1 - 0.5 * ScoredWarehouse.CUBE_VOXELS / (voxels - lesionVoxels);
    double slice = 1 - 0.5 * 2 / (slices - lesionSlices);
    JsonNode perfect = method(ScoredWarehouse.PERFECT);
    assertEquals(pixel, perfect.get("pixel_auroc").asDouble(), 1e-9, perfect.toString());
    assertEquals(slice, perfect.get("slice_auroc").asDouble(), 1e-9, perfect.toString());
    assertEquals(0.5, method(ScoredWarehouse.EMPTY).get("pixel_auroc").asDouble(), 1e-12);
    assertEquals(0.5, method(ScoredWarehouse.EMPTY).get("slice_auroc").asDouble(), 1e-12);

    Map<String, Row> rows = SPARK.read().parquet(w.table("ranking_metrics")).filter(functions.col("run").equalTo(RUN))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("model") + "/" + r.getAs("level"), r -> r));
    assertEquals(java.util.Set.of(ScoredWarehouse.AE + "/pixel", ScoredWarehouse.AE + "/slice",
        ScoredWarehouse.PERFECT + "/pixel", ScoredWarehouse.PERFECT + "/slice", ScoredWarehouse.EMPTY + "/pixel",
        ScoredWarehouse.EMPTY + "/slice"), rows.keySet());
    Row perfectSlices = rows.get(ScoredWarehouse.PERFECT + "/slice");
    assertEquals(ScoredWarehouse.PERFECT, perfectSlices.getAs("method"));
    assertEquals(slice, perfectSlices.<Double>getAs("auroc"), 1e-9);
    assertEquals(lesionSlices, perfectSlices.<Long>getAs("positives"));
    assertEquals(slices - lesionSlices, perfectSlices.<Long>getAs("negatives"));
    assertEquals(lesionVoxels, rows.get(ScoredWarehouse.PERFECT + "/pixel").<Long>getAs("positives"));
  }

  @Test
  void reportAndWarehouseTablesHoldTheRun() throws Exception {
    String html = Files.readString(local(summary.reportPath()), StandardCharsets.UTF_8);
    assertTrue(html.contains("fig-example-1") && html.contains("fig-example-2"), "two example slices");
    assertEquals(ScoredWarehouse.AE, json.get("models").get("autoencoder").asText());
    Dataset<Row> patients = SPARK.read().parquet(w.table("patient_metrics")).filter(functions.col("run").equalTo(RUN));
    assertEquals(STUDIES * 2, patients.count(), "one row per study and model");
    Row cube = patients.filter(functions.col(Columns.STUDY_KEY).equalTo(cubeStudy)
        .and(functions.col("model").equalTo(ScoredWarehouse.PERFECT))).first();
    assertEquals(ScoredWarehouse.CUBE_VOXELS * voxelMl, cube.<Double>getAs("fpv_ml"), 1e-9);
    assertTrue(cube.isNullAt(cube.fieldIndex("dice")), "undefined Dice is null");
    Map<String, Double> ranking = SPARK.read().parquet(w.table("ranking_metrics")).filter(functions.col("run")
        .equalTo(RUN).and(functions.col("model").equalTo(ScoredWarehouse.AE))).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("level"), r -> r.getAs("auroc")));
    assertEquals(json.get("pixel_auroc").asDouble(), ranking.get("pixel"), 0);
    assertEquals(json.get("slice_auroc").asDouble(), ranking.get("slice"), 0);
    assertTrue(summary.lines().get(summary.lines().size() - 1).endsWith("report.html"), summary.lines().toString());
  }

  @Test
  void twoFoldCrossValidationPoolsTheHeldOutPatients() throws Exception {
    EvaluationSummary cv = EvaluateJob.runCrossValidated(SPARK, new EvaluateJob.Options(w, EvaluationSelection.ALL,
        ScoredWarehouse.AE, List.of(), "cv", 1), new CrossValidation.Settings(2, 5), EvaluateJobTest::knownModels);
    List<Row> folds = SPARK.read().parquet(w.table("folds")).filter(functions.col("run").equalTo("cv")).collectAsList();
    assertEquals(STUDIES, folds.size(), "one row per patient");
    assertEquals(Set.of(1, 2), folds.stream().map(r -> r.<Integer>getAs("fold")).collect(Collectors.toSet()));
    JsonNode s = JSON.readTree(Files.readString(local(w.report("cv")).resolve(ReportWriter.SUMMARY)));
    assertEquals(2, s.get("folds").size());
    assertEquals(STUDIES, s.get("folds").get(0).get("test_patients").asInt() + s.get("folds").get(1)
        .get("test_patients").asInt());
    assertEquals(summary.pixel().auroc().value(), cv.pixel().auroc().value(), 1e-15,
        "pooled held-out folds rank the same voxels as one evaluation");
    assertEquals(1.0, s.get("dice_mean").asDouble(), 1e-12);
    assertEquals(ABNORMAL, s.get("dice_n").asInt());
  }

  /**
   * A stand-in trainer: the models of every fold are the known maps and masks, which exist for
   * every study, so each fold is scored on exactly its held-out patients' studies.
   */
  private static FoldModels knownModels(SparkSession spark, Warehouse wh, Fold fold) {
    assertTrue(fold.testPatients().stream().noneMatch(fold.trainPatients()::contains));
    return new FoldModels(ScoredWarehouse.AE, Map.of(ScoredWarehouse.PERFECT, ScoredWarehouse.PERFECT));
  }

  /** A file: URI of the warehouse as a local path. */
  private static Path local(String uri) {
    return Path.of(java.net.URI.create(uri));
  }

  private static JsonNode method(String name) {
    for (JsonNode m : json.get("methods")) {
      if (m.get("method").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no method " + name + " in summary.json");
  }
}
