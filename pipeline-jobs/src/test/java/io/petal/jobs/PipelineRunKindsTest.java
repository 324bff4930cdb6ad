package io.petal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.metrics.Summary;
import io.petal.models.AutoencoderConfig;
import io.petal.models.OutputRegion;
import io.petal.privacy.Pseudonymizer;
import io.petal.report.ReportWriter;
import io.petal.schema.Columns;
import io.petal.schema.MasksTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudyKind;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.synth.SyntheticCohortConfig;
import io.petal.synth.bone.BoneScanConfig;
import io.petal.synth.brain.BrainMriConfig;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.testing.TestSpark;
import io.petal.training.KindChannels;
import io.petal.warehouse.Warehouse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal synth --kind brain-mri|spect-bone} then {@code petal run}, end to end on tiny cohorts
 * (coarse grids, 32- and 64-pixel networks, one epoch each): masks of exactly the test studies,
 * and the report's Dice of every output region (brain MRI: WT, TC, ET; bone scans: lesion) equal
 * to Dice computed here from the masks and annotations in the warehouse.
 */
class PipelineRunKindsTest {
  private static final SparkSession SPARK = TestSpark.session();
  @TempDir static Path dir;
  private static Run brain;
  private static Run bone;

  /** One kind's run: its warehouse, pipeline summary and {@code summary.json}. */
  private record Run(Warehouse warehouse, PipelineRun.Summary summary, JsonNode json, String html) {}

  @BeforeAll
  static void runBothKinds() throws Exception {
    brain = run("brain", BrainMriConfig.small(), 32);
    bone = run("bone", BoneScanConfig.small(), 64);
  }

  private static Run run(String name, SyntheticCohortConfig cohort, int size) throws Exception {
    Warehouse w = new Warehouse(dir.resolve(name + "-wh").toUri().toString());
    String out = dir.resolve(name).toString();
    SynthJob.run(SPARK, new SynthJob.Options(out, 3, 8, 5, false, cohort));
    AutoencoderConfig ae = TinyPipeline.AUTOENCODER.toBuilder().size(size).build();
    PipelineRun.Summary s = PipelineRun.run(SPARK, new PipelineRun.Options(w, out + "/" + SynthJob.MANIFEST, name,
        TinyPipeline.EPOCHS, TinyPipeline.EPOCHS, ae, TinyPipeline.SEGMENTATION, io.petal.scoring.ScoringSettings.DEFAULT),
        new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8)));
    Path report = Path.of(URI.create(w.report(s.evaluation().run())));
    return new Run(w, s, new ObjectMapper().readTree(Files.readString(report.resolve(ReportWriter.SUMMARY))),
        Files.readString(report.resolve("report.html")));
  }

  @Test
  void brainMriRunReportsTheDiceOfWholeTumourCoreAndEnhancingTumour() {
    assertEquals(StudyKind.BRAIN_MRI, brain.summary().kind());
    assertRegionDiceMatchesTheWarehouse(brain, List.of("WT", "TC", "ET"));
    assertTrue(brain.html().contains("Dice per region") && brain.html().contains(">ET<"), "report.html region table");
    assertNull(brain.summary().baselines(), "SUV baselines are a PET/CT method");
    assertNull(brain.summary().lesions(), "SUV lesion statistics are a PET/CT method");
  }

  /** Both synthetic cohorts carry reports (a quarter in Chinese): petal run conditions the U-Net on them. */
  @Test
  void theUNetsAreConditionedOnTheStudiesReports() {
    for (Run r : List.of(brain, bone)) {
      Map<String, String> card = r.summary().segmentation().get(0).card().hyperParameters();
      assertEquals("on", card.get(SegmentationTrainer.CARD_TEXT), r.summary().kind() + ": report text");
      assertTrue(Integer.parseInt(card.get(SegmentationTrainer.CARD_TEXT_TERMS)) > 0, r.summary().kind() + ": terms");
    }
  }

  @Test
  void boneScanRunReportsTheLesionDiceOfBothViews() {
    assertEquals(StudyKind.SPECT_BONE, bone.summary().kind());
    assertRegionDiceMatchesTheWarehouse(bone, List.of("lesion"));
    assertTrue(bone.html().contains("Dice per region"), "report.html region table");
  }

  @Test
  void masksExistForExactlyTheTestStudiesEveryViewOrSlice() {
    for (Run r : List.of(brain, bone)) {
      Map<String, StudyInfo> test = testStudies(r);
      Map<String, Set<Integer>> slices = new TreeMap<>();
      for (Row row : masks(r).select(Columns.STUDY_KEY, MasksTable.SLICE_INDEX).collectAsList()) {
        slices.computeIfAbsent(row.getString(0), k -> new TreeSet<>()).add(row.getInt(1));
      }
      assertEquals(new TreeSet<>(test.keySet()), slices.keySet(), r.summary().kind() + ": masks of the test studies only");
      for (StudyInfo s : test.values()) {
        assertEquals(s.grid().nz(), slices.get(s.studyKey()).size(), s.studyKey() + ": every slice or view");
      }
    }
    assertTrue(testStudies(bone).values().stream().allMatch(s -> s.grid().nz() == 2), "anterior and posterior");
  }

  /**
   * The headline model's Dice per region in summary.json is the mean over the test studies of
   * Dice(region of the predicted label, region of the annotation), computed here; the 2D layout of
   * planar views changes components, not Dice.
   */
  private static void assertRegionDiceMatchesTheWarehouse(Run r, List<String> expectedRegions) {
    JsonNode byRegion = r.json().get("dice_by_region");
    List<String> regions = StreamSupport.stream(byRegion.spliterator(), false).map(n -> n.get("region").asText())
        .toList();
    assertEquals(expectedRegions, regions);
    Map<String, StudyInfo> test = testStudies(r);
    Map<String, byte[]> truth = labels(r, SPARK.read().parquet(r.warehouse().table(SlicesTable.NAME))
        .select(Columns.STUDY_KEY, SlicesTable.SLICE_INDEX, SlicesTable.LABELS).collectAsList());
    Map<String, byte[]> predicted = labels(r, masks(r).select(Columns.STUDY_KEY, MasksTable.SLICE_INDEX,
        MasksTable.LABEL).collectAsList());
    List<OutputRegion> layout = KindChannels.of(r.summary().kind()).regions();
    for (int i = 0; i < layout.size(); i++) {
      OutputRegion region = layout.get(i);
      double[] dice = new double[test.size()];
      int j = 0;
      for (String study : test.keySet()) {
        long[] c = counts(region, truth.get(study), predicted.get(study));
        dice[j++] = c[0] == 0 ? Double.NaN : 2.0 * c[2] / (c[0] + c[1]);
      }
      Summary expected = Summary.of(dice);
      JsonNode reported = byRegion.get(i);
      assertTrue(expected.n() > 0, region.name() + " present in a test study");
      assertEquals(expected.n(), reported.get("dice_n").asLong(), region.name());
      assertEquals(expected.mean(), reported.get("dice_mean").asDouble(), 1e-9, region.name());
    }
  }

  /** {truth, predicted, both} voxels of {@code region}. */
  private static long[] counts(OutputRegion region, byte[] truth, byte[] predicted) {
    long[] c = new long[3];
    for (int v = 0; v < truth.length; v++) {
      boolean t = region.contains(truth[v] & 0xFF);
      boolean p = region.contains(predicted[v] & 0xFF);
      c[0] += t ? 1 : 0;
      c[1] += p ? 1 : 0;
      c[2] += t && p ? 1 : 0;
    }
    return c;
  }

  /** Per test study, its label bytes (first annotation source) of all slices in slice order. */
  private static Map<String, byte[]> labels(Run r, List<Row> rows) {
    Map<String, StudyInfo> test = testStudies(r);
    Map<String, byte[]> out = new HashMap<>();
    for (Row row : rows) {
      StudyInfo s = test.get(row.getString(0));
      if (s == null) {
        continue;
      }
      int plane = s.grid().sliceSize();
      byte[] all = out.computeIfAbsent(s.studyKey(), k -> new byte[s.grid().voxelCount()]);
      if (!row.isNullAt(2)) {
        System.arraycopy((byte[]) row.get(2), 0, all, row.getInt(1) * plane, plane);
      }
    }
    return out;
  }

  private static Map<String, StudyInfo> testStudies(Run r) {
    return StudyImagesReader.studies(SPARK, r.warehouse(), s -> "test".equals(s.split())).values().stream()
        .collect(Collectors.toMap(StudyInfo::studyKey, s -> s, (a, b) -> a, TreeMap::new));
  }

  private static org.apache.spark.sql.Dataset<Row> masks(Run r) {
    return SPARK.read().parquet(r.warehouse().table(MasksTable.NAME))
        .filter(functions.col(MasksTable.MODEL).equalTo(PipelineRun.SEGMENTATION));
  }
}
