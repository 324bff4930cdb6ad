package io.petal.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.testing.DemoWarehouse;
import io.petal.testing.PetalProcess;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks under {@code notebooks/} run headless ({@code jupyter nbconvert --execute}, as CI
 * and the notebooks' README run them) on the warehouse of a small demo: none raises an error, each
 * draws at least one plot, and none shows a patient's source id or a pseudonymous key.
 */
@Tag("integration")
class NotebooksIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void everyNotebookRunsOnTheDemoWarehouseAndDrawsItsPlotsWithoutShowingIdentity() throws Exception {
    SharedData.requireTool("jupyter");
    DemoWarehouse.Made demo = DemoWarehouse.get();
    assertEquals(0, demo.demo().code(), demo.demo().output());
    Path folder = PetalProcess.repo().resolve("notebooks");
    List<Path> notebooks = notebooks(folder);
    assertTrue(notebooks.size() >= 5, "notebooks found: " + notebooks);

    List<String> cmd = new ArrayList<>(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=python3",
        "--output-dir", out.toString()));
    notebooks.forEach(n -> cmd.add(n.toString()));
    PetalProcess.Result run = PetalProcess.run(cmd, folder,
        Map.of("PETAL_WAREHOUSE", demo.warehouse().toString(), "PETAL_DRIVER_MEMORY", PetalProcess.DRIVER_MEMORY,
            "PYTHONDONTWRITEBYTECODE", "1"),
        List.of("PETAL_MASK_SOURCE", "PETAL_BIN"), 20);
    assertEquals(0, run.code(), "nbconvert failed:\n" + run.output());

    Set<String> identities = identities(demo.warehouse());
    for (Path source : notebooks) {
      Path executed = out.resolve(source.getFileName());
      assertTrue(Files.exists(executed), "nbconvert wrote no " + executed + ":\n" + run.output());
      checkOutputs(executed, identities);
    }
  }

  private static List<Path> notebooks(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  /** Errors, plots and identities in the outputs of one executed notebook. */
  private static void checkOutputs(Path executed, Set<String> identities) throws IOException {
    String name = executed.getFileName().toString();
    int plots = 0;
    StringBuilder shown = new StringBuilder();
    for (JsonNode cell : JSON.readTree(executed.toFile()).path("cells")) {
      for (JsonNode output : cell.path("outputs")) {
        assertFalse("error".equals(output.path("output_type").asText()),
            name + " raised " + output.path("ename").asText() + ": " + output.path("evalue").asText());
        shown.append(output.path("text")).append(output.path("data").path("text/plain"))
            .append(output.path("data").path("text/html"));
        JsonNode png = output.path("data").path("image/png");
        if (png.isTextual()) {
          BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(png.asText())));
          assertTrue(image != null && image.getWidth() >= 300 && image.getHeight() >= 200,
              name + ": a plot is not a readable PNG of at least 300x200 pixels");
          plots++;
        }
      }
    }
    assertTrue(plots >= 1, name + " drew no plot");
    for (String id : identities) {
      assertFalse(shown.toString().contains(id), name + " shows the identifier " + id);
    }
  }

  /** The demo's source patient and study ids (manifest) and the pseudonymous keys of its tables. */
  private static Set<String> identities(Path warehouse) throws IOException {
    Set<String> ids = new TreeSet<>();
    List<String> manifest = Files.readAllLines(warehouse.resolve("cohorts/demo/manifest.csv"));
    List<String> header = List.of(manifest.get(0).split(","));
    int patient = header.indexOf("patient_id");
    assertTrue(patient >= 0, "manifest without patient_id: " + header);
    for (String line : manifest.subList(1, manifest.size())) {
      ids.add(line.split(",")[patient]);
    }
    for (Row r : TestSpark.session().read().parquet(warehouse.resolve("tables/studies").toString())
        .select("patient_key", "study_key").collectAsList()) {
      ids.add(r.getString(0));
      ids.add(r.getString(1));
    }
    return ids;
  }
}
