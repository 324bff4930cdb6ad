package io.petal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.cli.PetalCli;
import io.petal.lesions.BlobWarehouse;
import io.petal.lesions.LesionsJob;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal sql}: views of every table, and each output format read back. */
class SqlJobTest {
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;

  @BeforeAll
  static void warehouse() throws Exception {
    w = BlobWarehouse.create(SPARK, dir);
    LesionsJob.run(SPARK, new LesionsJob.Options(w, Set.of()));
    BlobWarehouse.writePrediction(SPARK, w); // a masks table, for its view
    // a table of a later stage that this build has no contract for
    SPARK.sql("SELECT 'blobs' AS cohort, 0.5 AS auc").write().parquet(w.table("metrics"));
  }

  private static long sql(String query, ResultFormat format, Path out) throws Exception {
    return SqlJob.run(SPARK, new SqlJob.Options(w, query, format, out == null ? null : out.toString(), false, 100),
        System.out);
  }

  @Test
  void everyTableIsAViewAndTensorsAreLeftOutUnlessAsked() {
    List<String> views = WarehouseViews.register(SPARK, w, false);
    assertTrue(views.containsAll(List.of("studies", "slices", "masks", "lesions", "lesion_summary", "metrics")),
        views.toString());
    List<String> slices = Arrays.asList(SPARK.table("slices").columns());
    assertFalse(slices.contains("image") || slices.contains("labels"), slices.toString());
    assertTrue(slices.contains("lesion_voxels") && slices.contains("cohort"), slices.toString());
    List<String> masks = Arrays.asList(SPARK.table("masks").columns());
    assertFalse(masks.contains("probability") || masks.contains("label"), masks.toString());
    WarehouseViews.register(SPARK, w, true);
    assertTrue(Arrays.asList(SPARK.table("slices").columns()).contains("image"));
  }

  @Test
  void csvHasAHeaderAndNestedValuesAsJson() throws Exception {
    Path out = dir.resolve("studies.csv");
    assertEquals(2, sql("SELECT split, channels, metadata, lesion_voxels FROM studies ORDER BY split", ResultFormat.CSV,
        out));
    List<String> lines = Files.readAllLines(out);
    assertEquals("split,channels,metadata,lesion_voxels", lines.get(0));
    assertEquals("test,\"[\"\"PET\"\",\"\"CT\"\"]\",{},15", lines.get(1));
    assertEquals("train,\"[\"\"PET\"\",\"\"CT\"\"]\",\"{\"\"site\"\":\"\"left thigh\"\"}\",15", lines.get(2));
  }

  @Test
  void jsonLinesOneObjectPerRow() throws Exception {
    Path out = dir.resolve("summary.json");
    sql("SELECT mask_source, lesion_count, suv_max, total_mtv_ml FROM lesion_summary", ResultFormat.JSON, out);
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    for (String line : lines) {
      JsonNode row = new ObjectMapper().readTree(line);
      assertEquals("truth:seg", row.get("mask_source").asText());
      assertEquals(3, row.get("lesion_count").asInt());
      assertEquals(9.0, row.get("suv_max").asDouble(), 1e-6);
      assertEquals(0.36, row.get("total_mtv_ml").asDouble(), 1e-9);
    }
  }

  @Test
  void arrowFileKeepsTypesListsMapsAndTimestamps() throws Exception {
    Path out = dir.resolve("studies.arrow");
    sql("SELECT split, channels, metadata, ingested_at, lesion_volume_ml, nx FROM studies ORDER BY split",
        ResultFormat.ARROW, out);
    try (RootAllocator alloc = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(out), alloc)) {
      Schema schema = reader.getVectorSchemaRoot().getSchema();
      assertEquals(ArrowType.Utf8.INSTANCE, schema.findField("split").getType());
      assertTrue(schema.findField("channels").getType() instanceof ArrowType.List);
      assertTrue(schema.findField("metadata").getType() instanceof ArrowType.Map);
      assertEquals(new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, "UTC"),
          schema.findField("ingested_at").getType());
      assertEquals(new ArrowType.Int(32, true), schema.findField("nx").getType());
      assertTrue(reader.loadNextBatch());
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertEquals(2, root.getRowCount());
      assertEquals(List.of("PET", "CT"), ((ListVector) root.getVector("channels")).getObject(0).stream()
          .map(Object::toString).toList());
      assertEquals("train", root.getVector("split").getObject(1).toString());
      MapVector metadata = (MapVector) root.getVector("metadata");
      assertEquals(0, metadata.getObject(0).size());
      assertTrue(metadata.getObject(1).toString().contains("left thigh"), metadata.getObject(1).toString());
      assertEquals(15 * 0.024, (Double) root.getVector("lesion_volume_ml").getObject(0), 1e-9);
      assertFalse(reader.loadNextBatch());
    }
  }

  @Test
  void anEmptyResultIsAValidArrowFile() throws Exception {
    Path out = dir.resolve("none.arrow");
    assertEquals(0, sql("SELECT * FROM lesions WHERE voxels < 0", ResultFormat.ARROW, out));
    try (RootAllocator alloc = new RootAllocator();
        ArrowFileReader reader = new ArrowFileReader(Files.newByteChannel(out), alloc)) {
      assertTrue(reader.getVectorSchemaRoot().getSchema().getFields().size() > 20);
      int rows = 0;
      while (reader.loadNextBatch()) {
        rows += reader.getVectorSchemaRoot().getRowCount();
      }
      assertEquals(0, rows);
    }
  }

  @Test
  void commandLineErrorsSayWhatToDo() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(1, PetalCli.run("sql", "--warehouse", w.root(), "--format", "arrow", "SELECT 1"));
      assertEquals(1, PetalCli.run("sql", "--warehouse", w.root(), "--format", "xml", "SELECT 1"));
      assertEquals(1, PetalCli.run("sql", "--warehouse", dir.resolve("nothing").toString(), "SELECT 1"));
    } finally {
      System.setErr(err);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("give --out FILE"), text);
    assertTrue(text.contains("unknown format 'xml'"), text);
    assertTrue(text.contains("run petal ingest first"), text);
  }

  @Test
  void theTextTableShowsTheFirstRowsAndSaysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SqlJob.Options(w, " ", ResultFormat.TABLE, null, false, 10));
    assertTrue(e.getMessage().contains("empty"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SqlJob.Options o = new SqlJob.Options(w, "SELECT lesion_id, site FROM lesions ORDER BY study_key, mask_source, "
        + "lesion_id", ResultFormat.TABLE, null, false, 2);
    assertEquals(2, assertDoesNotThrowRun(o, out));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("(first 2 rows shown; more exist)"), text);
    assertTrue(text.startsWith("lesion_id | site"), text);
  }

  private static long assertDoesNotThrowRun(SqlJob.Options o, ByteArrayOutputStream out) {
    try {
      return SqlJob.run(SPARK, o, out);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
