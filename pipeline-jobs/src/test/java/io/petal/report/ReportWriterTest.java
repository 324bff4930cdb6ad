package io.petal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the report of a synthetic five-method evaluation once, then checks each output as its
 * reader would: summary.json's keys and values against figures recomputed here, the Parquet
 * tables read back with parquet-hadoop, the page's self-containment, figures and privacy, and
 * that headless Chromium renders it without a console error.
 */
class ReportWriterTest {
  private static final List<String> FIGURE_IDS = List.of("fig-roc-slice", "fig-roc-pixel", "fig-dice", "fig-fpv",
      "fig-fnv", "fig-sensitivity-by-size", "fig-example-1", "fig-example-2");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path reportDir;
  private static ReportData data;
  private static String html;

  @BeforeAll
  static void writeReport() throws IOException {
    data = SyntheticReport.full();
    reportDir = tmp.resolve("reports").resolve(data.runName());
    // a Hadoop URI, as the evaluate job passes W/reports/<run>
    String written = ReportWriter.write(data, reportDir.toUri().toString(), new Configuration());
    assertTrue(written.endsWith("/" + ReportWriter.HTML), written);
    html = Files.readString(reportDir.resolve(ReportWriter.HTML), StandardCharsets.UTF_8);
  }

  @Test
  void summaryJsonHasTheHeadlineFiguresOfTheHeadlineMethods() throws IOException {
    JsonNode s = JSON.readTree(reportDir.resolve(ReportWriter.SUMMARY).toFile());
    MethodResult anomaly = method(SyntheticReport.ANOMALY_MAP);
    MethodResult guided = method(SyntheticReport.GUIDED);
    assertEquals("demo-eval", s.get("run").asText());
    assertEquals(SyntheticReport.ANOMALY_MAP, s.get("ranking_method").asText());
    assertEquals(SyntheticReport.GUIDED, s.get("segmentation_method").asText());
    assertEquals(anomaly.pixel().auroc().value(), s.get("pixel_auroc").asDouble(), 0);
    assertEquals(anomaly.pixel().auroc().errorBound(), s.get("pixel_auroc_error_bound").asDouble(), 0);
    assertEquals(anomaly.slice().auroc().value(), s.get("slice_auroc").asDouble(), 0);
    assertEquals(anomaly.pixel().averagePrecision(), s.get("pixel_auprc").asDouble(), 0);
    assertTrue(s.get("pixel_auroc").asDouble() > 0.9, "a 2.3 SD separation ranks well");

    double[] dice = guided.patients().stream().mapToDouble(PatientSegmentationMetrics::dice)
        .filter(d -> !Double.isNaN(d)).toArray();
    double mean = DoubleStream.of(dice).average().orElseThrow();
    double sd = Math.sqrt(DoubleStream.of(dice).map(d -> (d - mean) * (d - mean)).sum() / (dice.length - 1));
    assertEquals(SyntheticReport.PATIENTS - SyntheticReport.LESION_FREE_PATIENTS, dice.length);
    assertEquals(mean, s.get("dice_mean").asDouble(), 1e-12);
    assertEquals(sd, s.get("dice_sd").asDouble(), 1e-12);
    assertEquals(dice.length, s.get("dice_n").asInt());
    assertTrue(s.get("dice_ci_low").asDouble() < mean && mean < s.get("dice_ci_high").asDouble());
    assertEquals(guided.patients().stream().mapToDouble(PatientSegmentationMetrics::falsePositiveVolumeMl)
        .average().orElseThrow(), s.get("fpv_ml_mean").asDouble(), 1e-12);
    assertEquals(guided.patients().stream().mapToDouble(PatientSegmentationMetrics::falseNegativeVolumeMl)
        .average().orElseThrow(), s.get("fnv_ml_mean").asDouble(), 1e-12);
    long lesions = guided.patients().stream().mapToLong(p -> p.detection().lesions()).sum();
    long detected = guided.patients().stream().mapToLong(p -> p.detection().detected()).sum();
    assertEquals(lesions, s.get("lesions").asLong());
    assertEquals((double) detected / lesions, s.get("lesion_sensitivity").asDouble(), 1e-12);
    assertTrue(s.has("surface_dice_mean"));
    assertEquals(SyntheticReport.PATIENTS, s.get("n_patients").asInt());
    assertEquals(SyntheticReport.PATIENTS, s.get("cohort").get("patients").asInt());

    JsonNode methods = s.get("methods");
    assertEquals(5, methods.size());
    JsonNode suv = methods.get(1);
    assertEquals(SyntheticReport.SUV_25, suv.get("method").asText());
    assertTrue(suv.get("slice_auroc").isNull(), "a method not scored at slice level has a null slice AUROC");
    assertTrue(methods.get(3).get("dice_mean").isNull(), "the anomaly map segments nothing");
    assertEquals(0.58, s.get("cross_evaluation").get("dice_mean").get(0).get(1).asDouble(), 0);
    assertEquals(3, s.get("folds").size());
    assertEquals(4 * 5, s.get("sensitivity_by_size").size());
    assertTrue(s.get("definitions").get("Connected components").asText().startsWith("18-connectivity"));
  }

  @Test
  void patientMetricsTableReadsBackWithShortCaseIdsAndNullForUndefinedDice() throws IOException {
    List<Group> rows = readParquet(ReportTables.PATIENT_METRICS);
    assertEquals(4 * SyntheticReport.PATIENTS, rows.size(), "four segmenting methods x patients");
    PatientSegmentationMetrics first = method(SyntheticReport.GUIDED).patients().get(0);
    Group row = rows.get(0);
    assertEquals(SyntheticReport.GUIDED, row.getString("method", 0));
    assertEquals(SyntheticReport.pseudonym(0).substring(0, 8), row.getString("case_id", 0));
    assertEquals(first.dice(), row.getDouble("dice", 0), 0);
    assertEquals(first.falsePositiveVolumeMl(), row.getDouble("fpv_ml", 0), 0);
    assertEquals(first.detection().lesions(), row.getLong("lesions", 0));
    Group lesionFree = rows.get(SyntheticReport.PATIENTS - 1);
    assertEquals(0, lesionFree.getFieldRepetitionCount("dice"), "undefined Dice is null, not NaN");
    assertEquals(0, lesionFree.getLong("lesions", 0));
  }

  @Test
  void rocTableHoldsEveryCurvePointFromTheOrigin() throws IOException {
    List<Group> rows = readParquet(ReportTables.ROC);
    int points = 0;
    for (MethodResult m : data.methods()) {
      points += m.slice().roc().size() + m.pixel().roc().size();
    }
    assertEquals(points, rows.size());
    Group start = rows.get(0);
    assertEquals(SyntheticReport.GUIDED, start.getString("method", 0));
    assertEquals("slice", start.getString("level", 0));
    assertEquals(0.0, start.getDouble("false_positive_rate", 0), 0);
    assertEquals(0.0, start.getDouble("true_positive_rate", 0), 0);
    assertEquals(0, start.getFieldRepetitionCount("threshold"), "the (0, 0) start has no threshold");
    Group second = rows.get(1);
    assertEquals(method(SyntheticReport.GUIDED).slice().roc().get(1).threshold(), second.getFloat("threshold", 0));
  }

  @Test
  void sensitivityBySizeTableCountsTheLesionsOfEachStratum() throws IOException {
    List<Group> rows = readParquet(ReportTables.SENSITIVITY_BY_SIZE);
    assertEquals(4 * 5, rows.size(), "four segmenting methods x five size levels");
    assertEquals("TINY", rows.get(0).getString("stratum", 0));
    assertEquals("VERY_LARGE", rows.get(4).getString("stratum", 0));
    long tiny = SyntheticReport.lesionsPerPatient().stream().flatMap(List::stream).filter("TINY"::equals).count();
    assertEquals(tiny, rows.get(0).getLong("lesions", 0));
    long tinyDetected = method(SyntheticReport.GUIDED).patients().stream()
        .mapToLong(p -> p.detection().byStratum().containsKey("TINY") ? p.detection().byStratum().get("TINY").detected()
            : 0).sum();
    assertEquals(tinyDetected, rows.get(0).getLong("detected", 0));
    assertEquals((double) tinyDetected / tiny, rows.get(0).getDouble("sensitivity", 0), 1e-12);
    assertEquals(4, readParquet(ReportTables.CROSS_EVALUATION).size(), "2 x 2 annotation sources");
  }

  @Test
  void pageIsSelfContained() {
    assertFalse(html.contains("http://"), "no http:// reference");
    assertFalse(html.contains("https://"), "no https:// reference");
    Matcher refs = Pattern.compile("(?i)\\b(src|href)\\s*=\\s*[\"']?([^\"'\\s>]*)").matcher(html);
    int images = 0;
    while (refs.find()) {
      assertTrue(refs.group(2).startsWith("data:image/png;base64,"), "non-inline reference: " + refs.group(0));
      images++;
    }
    assertEquals(FIGURE_IDS.size(), images);
    for (String forbidden : List.of("<script", "<link", "@import", "url(", "<iframe")) {
      assertFalse(html.toLowerCase().contains(forbidden), "page contains " + forbidden);
    }
  }

  @Test
  void pageHasEveryChartAsADecodablePng() throws IOException {
    for (String id : FIGURE_IDS) {
      Matcher m = Pattern.compile("<figure id=\"" + id + "\"><img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")
          .matcher(html);
      assertTrue(m.find(), "figure " + id + " is missing");
      BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
      assertNotNull(png, id + " is not a PNG");
      assertTrue(png.getWidth() >= 500 && png.getHeight() >= 200, id + " is " + png.getWidth() + "x" + png.getHeight());
      assertTrue(distinctColours(png) > 20, id + " is blank");
    }
    for (String section : List.of("Headline figures", "How to read this report", "Definitions",
        "Cross-evaluation of annotation sources", "Cross-validation folds", "headline-table", "methods-table")) {
      assertTrue(html.contains(section), "page lacks " + section);
    }
  }

  @Test
  void pageAndTablesShowOnlyShortCaseIds() throws IOException {
    for (int p = 0; p < SyntheticReport.PATIENTS; p++) {
      assertFalse(html.contains(SyntheticReport.pseudonym(p)), "full pseudonym of patient " + p + " in the page");
    }
    assertTrue(html.contains("case " + SyntheticReport.pseudonym(0).substring(0, 8)));
    for (Group row : readParquet(ReportTables.PATIENT_METRICS)) {
      assertEquals(CaseIds.SHOWN_CHARS, row.getString("case_id", 0).length());
    }
  }

  @Test
  void opensInHeadlessChromiumWithoutConsoleErrors() throws Exception {
    SharedData.requireTool("chromium");
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    Path screenshot = tmp.resolve("report-screenshot.png");
    Path stderr = tmp.resolve("chromium.err");
    Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--window-size=1400,3000", "--screenshot=" + screenshot, reportDir.resolve(ReportWriter.HTML).toUri().toString())
        .redirectOutput(tmp.resolve("chromium.out").toFile())
        .redirectError(stderr.toFile())
        .start();
    assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 120 s");
    String log = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, chromium.exitValue(), "chromium failed:\n" + log);
    List<String> problems = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (line.contains(":CONSOLE") || line.contains("Uncaught") || line.contains("ERR_")
          || line.contains("Failed to load resource")) {
        problems.add(line);
      }
    }
    assertTrue(problems.isEmpty(), "chromium reported page errors:\n" + String.join("\n", problems));
    BufferedImage shot = ImageIO.read(screenshot.toFile());
    assertNotNull(shot, "no screenshot written");
    assertEquals(1400, shot.getWidth());
    assertTrue(distinctColours(shot) > 500, "the screenshot is nearly blank: " + distinctColours(shot) + " colours");
  }

  @Test
  void minimalReportStatesWhatIsAbsentAndWritesNoCrossEvaluationTable() throws IOException {
    Path dir = tmp.resolve("minimal");
    ReportWriter.write(SyntheticReport.minimal(), dir.toString(), new Configuration());
    String page = Files.readString(dir.resolve(ReportWriter.HTML), StandardCharsets.UTF_8);
    assertTrue(page.contains("No example slices were selected."));
    assertFalse(page.contains("Cross-evaluation of annotation sources"));
    assertTrue(page.contains("id=\"fig-roc-pixel\""));
    assertFalse(Files.exists(dir.resolve(ReportTables.CROSS_EVALUATION)));
    JsonNode s = JSON.readTree(dir.resolve(ReportWriter.SUMMARY).toFile());
    assertEquals(SyntheticReport.SUV_25, s.get("segmentation_method").asText());
    assertTrue(s.get("folds").isEmpty());
    assertEquals(SyntheticReport.PATIENTS, readParquet(dir, ReportTables.PATIENT_METRICS).size());
  }

  private static MethodResult method(String name) {
    return data.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Group> readParquet(String file) throws IOException {
    return readParquet(reportDir, file);
  }

  private static List<Group> readParquet(Path dir, String file) throws IOException {
    List<Group> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(dir.resolve(file).toUri())).withConf(new Configuration()).build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        rows.add(g);
      }
    }
    return rows;
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
