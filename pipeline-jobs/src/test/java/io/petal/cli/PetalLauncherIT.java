package io.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.testing.DemoWarehouse;
import io.petal.testing.PetalProcess;
import io.petal.testing.PetalProcess.Result;
import io.petal.testing.TestSpark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door as a user runs it: {@code bin/petal} starts the shaded jar (built by
 * {@code mvn package} before Failsafe runs) with Spark from the provided class path. The demo's
 * warehouse is the one {@link DemoWarehouse} shares with the other integration tests.
 */
@Tag("integration")
class PetalLauncherIT {
  @TempDir Path dir;

  private Result petal(String... args) throws IOException, InterruptedException {
    return PetalProcess.petal(dir, args);
  }

  @Test
  void helpListsTheSubcommands() throws Exception {
    Result r = petal("--help");
    assertEquals(0, r.code(), r.output());
    for (String s : PetalCliTest.SUBCOMMANDS) {
      assertTrue(r.output().contains(s), s + " missing:\n" + r.output());
    }
  }

  @Test
  void demoMakesACohortIngestsAndMeasuresItAndSqlQueriesIt() throws Exception {
    DemoWarehouse.Made demo = DemoWarehouse.get();
    Path wh = demo.warehouse();
    Result r = demo.demo();
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().contains("Petal demo finished"), r.output());
    assertTrue(r.output().contains("2 ingested"), r.output());

    Path cohort = wh.resolve("cohorts/demo");
    assertEquals(3, Files.readAllLines(cohort.resolve("manifest.csv")).size()); // header + 2 studies
    List<Path> previews;
    try (Stream<Path> s = Files.walk(cohort)) {
      previews = s.filter(p -> p.getFileName().toString().equals("preview.png")).toList();
    }
    assertEquals(2, previews.size());
    BufferedImage img = ImageIO.read(previews.get(0).toFile());
    assertTrue(img.getWidth() > 100 && img.getHeight() > 100);

    Row[] studies = (Row[]) TestSpark.session().read().parquet(wh.resolve("tables/studies").toString()).collect();
    assertEquals(2, studies.length);
    assertEquals(2, TestSpark.session().read().parquet(wh.resolve("tables/slices").toString())
        .select("study_key").distinct().count());
    // both studies are annotated (the normal one with an empty mask): one truth summary row each
    assertEquals(2, TestSpark.session().read().parquet(wh.resolve("tables/lesion_summary").toString())
        .filter("mask_source LIKE 'truth:%'").count());
    // the demo runs the whole pipeline: both models, anomaly maps of every slice, predicted masks
    for (String model : List.of("autoencoder", "segmentation")) {
      assertTrue(Files.isRegularFile(wh.resolve("models/" + model + "/model.zip")), model);
      assertTrue(Files.isRegularFile(wh.resolve("models/" + model + "/model-card.json")), model);
    }
    long slices = TestSpark.session().read().parquet(wh.resolve("tables/slices").toString()).count();
    assertEquals(slices, TestSpark.session().read().parquet(wh.resolve("tables/anomaly").toString()).count());
    assertTrue(TestSpark.session().read().parquet(wh.resolve("tables/masks").toString()).count() > 0);

    Result table = petal("sql", "--warehouse", wh.toString(),
        "SELECT count(*) AS studies, sum(lesion_count) AS lesions FROM lesion_summary");
    assertEquals(0, table.code(), table.output());
    assertTrue(table.output().contains("studies | lesions") && table.output().contains("(1 row)"), table.output());
    Path arrow = dir.resolve("lesions.arrow");
    Result export = petal("sql", "--warehouse", wh.toString(), "--format", "arrow", "--out", arrow.toString(),
        "SELECT * FROM lesions");
    assertEquals(0, export.code(), export.output());
    byte[] bytes = Files.readAllBytes(arrow);
    assertEquals("ARROW1", new String(bytes, 0, 6, StandardCharsets.US_ASCII), "Arrow IPC file magic");
  }
}
