package io.petal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.evaluation.CrossValidation;
import io.petal.evaluation.EvaluateJob;
import io.petal.evaluation.EvaluationSelection;
import io.petal.evaluation.Fold;
import io.petal.report.ReportWriter;
import io.petal.schema.AnomalyTable;
import io.petal.schema.Columns;
import io.petal.schema.FoldsTable;
import io.petal.schema.MasksTable;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.testing.TestSpark;
import io.petal.training.AutoencoderTrainer;
import io.petal.training.ModelCard;
import io.petal.training.SyntheticWarehouse;
import io.petal.warehouse.Warehouse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal evaluate --folds 2} with Petal's own training ({@link PipelineFoldTrainer}) on a
 * tiny synthetic cohort: every fold trains its own autoencoder and U-Net on its training patients
 * only (the model cards count exactly those patients' studies), scores and segments exactly its
 * held-out patients, every patient is held out once, and the pooled report has the figures.
 */
class PipelineFoldTrainerTest {
  private static final int NORMAL = 3;
  private static final int ABNORMAL = 3;
  private static final String RUN = "cv2";
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;
  private static Map<String, StudyInfo> studies;
  private static Map<String, Integer> foldOf;
  private static JsonNode summary;

  @BeforeAll
  static void crossValidate() throws Exception {
    w = SyntheticWarehouse.create(SPARK, dir, NORMAL, ABNORMAL, 5, TinyPipeline.GRID, 1);
    studies = StudyImagesReader.studies(SPARK, w, s -> true);
    EvaluateJob.runCrossValidated(SPARK, new EvaluateJob.Options(w, EvaluationSelection.ALL, "autoencoder", List.of(),
        RUN, 1), new CrossValidation.Settings(2, 3), TinyPipeline.foldTrainer());
    foldOf = new TreeMap<>();
    for (Row r : SPARK.read().parquet(w.table(FoldsTable.NAME)).filter(functions.col(FoldsTable.RUN).equalTo(RUN))
        .collectAsList()) {
      Integer previous = foldOf.put(r.getAs(Columns.PATIENT_KEY), r.getAs(FoldsTable.FOLD));
      assertNull(previous, "one fold row per patient");
    }
    summary = new ObjectMapper().readTree(Files.readString(Path.of(URI.create(w.report(RUN)))
        .resolve(ReportWriter.SUMMARY)));
  }

  @Test
  void everyPatientIsHeldOutByExactlyOneFold() {
    Set<String> patients = studies.values().stream().map(StudyInfo::patientKey).collect(Collectors.toSet());
    assertEquals(NORMAL + ABNORMAL, patients.size());
    assertEquals(patients, foldOf.keySet());
    assertEquals(Set.of(1, 2), new HashSet<>(foldOf.values()));
  }

  @Test
  void eachFoldTrainsOnItsTrainingPatientsOnly() throws Exception {
    for (int fold = 1; fold <= 2; fold++) {
      Set<String> test = testPatients(fold);
      List<StudyInfo> train = studies.values().stream().filter(s -> !test.contains(s.patientKey())).toList();
      long trainNormals = train.stream().filter(s -> Boolean.TRUE.equals(s.normal())).count();

      ModelCard ae = AutoencoderTrainer.folder(SPARK, w, "autoencoder-fold" + fold).readCard();
      assertEquals(1, ae.epochs().size());
      if (trainNormals > 0) {
        assertEquals("negative-studies", ae.data().selectionRule());
        assertEquals(trainNormals, ae.data().studies(), "fold " + fold + ": the training patients' normal studies");
      } else {
        assertEquals("lesion-free-slices", ae.data().selectionRule());
        assertEquals(train.size(), ae.data().studies(), "fold " + fold + ": the training patients' studies");
      }

      ModelCard seg = SegmentationTrainer.folder(SPARK, w, "segmentation-fold" + fold).readCard();
      assertEquals("autoencoder-fold" + fold, seg.hyperParameters().get(SegmentationTrainer.CARD_AUTOENCODER));
      assertEquals(1, seg.epochs().size());
      assertTrue(seg.data().studies() >= trainNormals && seg.data().studies() <= train.size(),
          "fold " + fold + ": " + seg.data().studies() + " studies, the training patients have " + train.size()
              + " (" + trainNormals + " normal, each giving samples)");
      assertTrue(seg.data().patients() <= train.stream().map(StudyInfo::patientKey).distinct().count());
      assertNull(seg.validationRule(), "fewer than " + SegmentationTrainer.MIN_PATIENTS_FOR_VALIDATION
          + " training patients: no validation hold-out, every training study is trained on");
    }
  }

  @Test
  void eachFoldScoresAndSegmentsExactlyItsHeldOutPatients() {
    for (int fold = 1; fold <= 2; fold++) {
      Set<String> test = testPatients(fold);
      assertFalse(test.isEmpty());
      assertEquals(test, patientsWith(AnomalyTable.NAME, AnomalyTable.MODEL, "autoencoder-fold" + fold));
      assertEquals(test, patientsWith(MasksTable.NAME, MasksTable.MODEL, "segmentation-fold" + fold));
    }
  }

  @Test
  void thePooledReportHasTheFiguresOfEveryHeldOutPatient() {
    assertEquals(2, summary.get("folds").size());
    int tested = 0;
    for (JsonNode f : summary.get("folds")) {
      int fold = f.get("fold").asInt();
      assertEquals(testPatients(fold).size(), f.get("test_patients").asInt());
      assertEquals(NORMAL + ABNORMAL - testPatients(fold).size(), f.get("train_patients").asInt());
      tested += f.get("test_patients").asInt();
    }
    assertEquals(NORMAL + ABNORMAL, tested);
    assertEquals("segmentation", summary.get("segmentation_method").asText());
    assertEquals(NORMAL + ABNORMAL, summary.get("n_patients").asInt(), "every held-out study has a mask");
    assertEquals(ABNORMAL, summary.get("dice_n").asInt(), "Dice of each lesion-positive study");
    double dice = summary.get("dice_mean").asDouble();
    assertTrue(dice >= 0 && dice <= 1, "Dice " + dice);
    double auroc = summary.get("pixel_auroc").asDouble();
    assertTrue(auroc > 0 && auroc <= 1, "pixel AUROC " + auroc + " of the pooled folds' anomaly maps");
    assertTrue(summary.get("slice_auroc").isNumber());
    assertTrue(summary.get("fnv_ml_ci_low").isNull() || summary.get("fnv_ml_ci_low").asDouble() >= 0,
        "a volume's interval stays non-negative");
  }

  @Test
  void foldModelsKeepTheSourceTheyWereTrainedOn() {
    Fold second = new Fold(2, 2, Set.of("a"), Set.of("b"));
    assertEquals("segmentation-fold2", PipelineFoldTrainer.foldModel("segmentation", second));
    assertEquals("segmentation-fold2@seg_b", PipelineFoldTrainer.foldModel("segmentation@seg_b", second));
  }

  private static Set<String> testPatients(int fold) {
    return foldOf.entrySet().stream().filter(e -> e.getValue() == fold).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> patientsWith(String table, String modelColumn, String model) {
    return SPARK.read().parquet(w.table(table)).filter(functions.col(modelColumn).equalTo(model))
        .select(Columns.PATIENT_KEY).distinct().collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
