package io.petal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.metrics.Summary;
import io.petal.privacy.Pseudonymizer;
import io.petal.report.ReportWriter;
import io.petal.schema.Columns;
import io.petal.schema.MasksTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.TensorCodec;
import io.petal.segmentation.SegmentationPredictJob;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.testing.TestSpark;
import io.petal.training.ModelCard;
import io.petal.warehouse.Warehouse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal run} on a synthetic cohort with two annotators per study ({@code petal synth
 * --annotators 2}): one U-Net per annotation source, each predicted, and the report's
 * cross-evaluation matrix, checked cell by cell against Dice computed here from the masks and
 * annotations in the warehouse.
 */
class PipelineRunAnnotationSourcesTest {
  private static final List<String> SOURCES = List.of("seg", "seg_annotator2");
  private static final List<String> MODELS = List.of("segmentation@seg", "segmentation@seg_annotator2");
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;
  private static PipelineRun.Summary run;
  private static JsonNode summary;

  @BeforeAll
  static void runThePipeline() throws Exception {
    w = new Warehouse(dir.resolve("wh").toUri().toString());
    String cohort = w.cohort("two-readers");
    SynthJob.run(SPARK, new SynthJob.Options(cohort, 2, 8, 13, false, TinyPipeline.GRID, 2));
    run = PipelineRun.run(SPARK, new PipelineRun.Options(w, cohort + "/" + SynthJob.MANIFEST, null,
        TinyPipeline.EPOCHS, TinyPipeline.EPOCHS, TinyPipeline.AUTOENCODER, TinyPipeline.SEGMENTATION,
        io.petal.scoring.ScoringSettings.DEFAULT), new Pseudonymizer("test-key-0123456789".getBytes(
            StandardCharsets.UTF_8)));
    summary = new ObjectMapper().readTree(Files.readString(Path.of(URI.create(w.report(run.evaluation().run())))
        .resolve(ReportWriter.SUMMARY)));
  }

  @Test
  void oneModelIsTrainedAndPredictedPerAnnotationSource() {
    assertEquals(MODELS, run.segmentation().stream().map(r -> r.card().name()).toList());
    for (int i = 0; i < MODELS.size(); i++) {
      ModelCard card = run.segmentation().get(i).card();
      assertEquals(SOURCES.get(i), card.hyperParameters().get(SegmentationTrainer.CARD_ANNOTATION_SOURCE));
      assertTrue(card.data().selectionRuleText().endsWith("lesion labels from " + SOURCES.get(i)),
          card.data().selectionRuleText());
    }
    assertEquals(MODELS, run.predict().stream().map(SegmentationPredictJob.Summary::model).toList());
    for (SegmentationPredictJob.Summary p : run.predict()) {
      assertTrue(p.studies() > 0 && p.slices() > 0, p.toString());
    }
  }

  @Test
  void theReportHoldsTheCrossEvaluationMatrixOfTheTwoModels() {
    assertEquals("segmentation@seg", summary.get("segmentation_method").asText(),
        "the model of the first annotation source leads the report");
    List<String> methods = StreamSupport.stream(summary.get("methods").spliterator(), false)
        .map(m -> m.get("method").asText()).toList();
    assertTrue(methods.containsAll(MODELS), methods.toString());
    JsonNode x = summary.get("cross_evaluation");
    assertEquals(SOURCES, StreamSupport.stream(x.get("sources").spliterator(), false)
        .map(JsonNode::asText).toList());
    assertEquals(2, x.get("dice_mean").size());
    assertEquals(2, x.get("dice_mean").get(0).size());
  }

  /** Each cell is the mean over the evaluated studies of Dice(model i's mask, annotation j), computed here. */
  @Test
  void everyCellIsTheDiceOfThatModelsMasksAgainstThatSource() {
    Map<String, StudyInfo> evaluated = StudyImagesReader.studies(SPARK, w, s -> run.predictedSplit().equals(s.split()))
        .values().stream().collect(Collectors.toMap(StudyInfo::studyKey, s -> s));
    Map<String, byte[]> truth = new HashMap<>();
    int plane = 0;
    for (Row r : SPARK.read().parquet(w.table(SlicesTable.NAME)).select(Columns.STUDY_KEY, SlicesTable.SLICE_INDEX,
        SlicesTable.WIDTH, SlicesTable.HEIGHT, SlicesTable.LABELS).collectAsList()) {
      truth.put(r.getString(0) + "/" + r.getInt(1), r.getAs(SlicesTable.LABELS));
      plane = r.getInt(2) * r.getInt(3);
    }
    JsonNode x = summary.get("cross_evaluation");
    boolean anyOverlap = false;
    for (int i = 0; i < MODELS.size(); i++) {
      for (int j = 0; j < SOURCES.size(); j++) {
        Map<String, long[]> counts = new HashMap<>(); // study → {truth, predicted, both} voxels
        for (Row r : SPARK.read().parquet(w.table(MasksTable.NAME)).filter(functions.col(MasksTable.MODEL)
            .equalTo(MODELS.get(i))).select(Columns.STUDY_KEY, MasksTable.SLICE_INDEX, MasksTable.LABEL)
            .collectAsList()) {
          StudyInfo study = evaluated.get(r.getString(0));
          if (study == null) {
            continue;
          }
          byte[] labels = truth.get(r.getString(0) + "/" + r.getInt(1));
          float[] predicted = TensorCodec.decodeLabels(r.getAs(MasksTable.LABEL));
          int offset = study.labelSources().indexOf(SOURCES.get(j)) * plane;
          long[] c = counts.computeIfAbsent(r.getString(0), k -> new long[3]);
          for (int v = 0; v < plane; v++) {
            boolean t = labels[offset + v] != 0;
            boolean p = predicted[v] != 0;
            c[0] += t ? 1 : 0;
            c[1] += p ? 1 : 0;
            c[2] += t && p ? 1 : 0;
          }
        }
        assertEquals(evaluated.size(), counts.size(), "a mask of every evaluated study");
        double[] dice = counts.values().stream()
            .mapToDouble(c -> c[0] == 0 ? Double.NaN : 2.0 * c[2] / (c[0] + c[1])).toArray();
        anyOverlap |= counts.values().stream().anyMatch(c -> c[2] > 0);
        Summary expected = Summary.of(dice);
        assertTrue(expected.n() > 0, "lesion-positive studies in the evaluated split");
        assertEquals(expected.n(), x.get("dice_n").get(i).get(j).asLong(), MODELS.get(i) + " vs " + SOURCES.get(j));
        assertEquals(expected.mean(), x.get("dice_mean").get(i).get(j).asDouble(), 1e-9,
            MODELS.get(i) + " vs " + SOURCES.get(j));
      }
    }
    assertTrue(anyOverlap, "some predicted voxel lies on an annotated lesion, so the cells are not all 0");
  }
}
