package io.petal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.petal.cli.PetalCli;
import io.petal.ingest.IngestedTables;
import io.petal.lesions.BlobWarehouse;
import io.petal.lesions.LesionsJob;
import io.petal.schema.LesionsTable;
import io.petal.schema.StudiesTable;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesions table's Parquet files read by DuckDB, and {@code petal sql --format arrow} files read
 * by Apache Arrow JS, equal what Spark reads — value by value, column by column.
 */
class IndependentReaderTest {
  private static final String ORDER = " ORDER BY study_key, mask_source, lesion_id";
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;
  private static NodeReaders readers;
  private static List<Row> spark;

  @BeforeAll
  static void measure() throws Exception {
    readers = NodeReaders.require();
    w = BlobWarehouse.create(SPARK, dir);
    LesionsJob.run(SPARK, new LesionsJob.Options(w, Set.of()));
    spark = IngestedTables.read(SPARK, w, LesionsTable.INSTANCE).orderBy("study_key", "mask_source", "lesion_id")
        .collectAsList();
    assertEquals(6, spark.size());
  }

  @Test
  void duckDbReadsTheLesionsParquetAsSparkDoes() throws Exception {
    Path lesions = dir.resolve("wh/tables/lesions");
    JsonNode rows = readers.duckdb("SELECT * FROM read_parquet('" + lesions + "/*/*.parquet', hive_partitioning = true)"
        + ORDER);
    assertSameRows(rows, "DuckDB");
    JsonNode a = rows.get(0);
    assertEquals(93.0 / 41, a.get(LesionsTable.SUV_PEAK).asDouble(), 1e-6, "SUVpeak of lesion A, by hand");
    JsonNode total = readers.duckdb("SELECT sum(total_voxels) AS v, count(*) AS n FROM read_parquet('"
        + dir.resolve("wh/tables/lesion_summary") + "/*/*.parquet', hive_partitioning = true)").get(0);
    assertEquals(30, total.get("v").asLong());
    assertEquals(2, total.get("n").asLong());
  }

  @Test
  void arrowJsReadsThePetalSqlArrowFileAsSparkDoes() throws Exception {
    Path file = dir.resolve("lesions.arrow");
    assertEquals(0, PetalCli.run("sql", "--warehouse", w.root(), "--format", "arrow", "--out", file.toString(),
        "SELECT * FROM lesions" + ORDER));
    JsonNode read = readers.arrow(file);
    StructField[] fields = spark.get(0).schema().fields();
    assertEquals(fields.length, read.get("fields").size());
    assertEquals("Int32", typeOf(read, LesionsTable.VOXELS));
    assertEquals("Float64", typeOf(read, LesionsTable.SUV_PEAK));
    assertEquals("Utf8", typeOf(read, LesionsTable.SITE));
    assertSameRows(read.get("rows"), "Arrow JS");
  }

  @Test
  void arrowJsReadsListsMapsAndTimestamps() throws Exception {
    Path file = dir.resolve("studies.arrow");
    assertEquals(0, PetalCli.run("sql", "--warehouse", w.root(), "--format", "arrow", "--out", file.toString(),
        "SELECT split, channels, metadata, ingested_at FROM studies ORDER BY split"));
    JsonNode rows = readers.arrow(file).get("rows");
    assertEquals(2, rows.size());
    JsonNode train = rows.get(1);
    assertEquals("train", train.get("split").asText());
    assertEquals("[\"PET\",\"CT\"]", train.get("channels").toString());
    assertEquals("left thigh", train.get("metadata").get("site").asText());
    Timestamp ingested = IngestedTables.read(SPARK, w, StudiesTable.INSTANCE).filter("split = 'train'")
        .select(StudiesTable.INGESTED_AT).first().getTimestamp(0);
    assertEquals(ingested.getTime(), train.get("ingested_at").asLong(), "milliseconds since the epoch, UTC");
  }

  private static String typeOf(JsonNode read, String column) {
    for (JsonNode f : read.get("fields")) {
      if (f.get("name").asText().equals(column)) {
        return f.get("type").asText();
      }
    }
    throw new AssertionError("no column " + column + " in " + read.get("fields"));
  }

  /** Every column of every row of {@code rows} equals Spark's row (numbers to 1e-12 relative). */
  private static void assertSameRows(JsonNode rows, String reader) {
    assertEquals(spark.size(), rows.size(), reader + " rows");
    for (int n = 0; n < spark.size(); n++) {
      Row expected = spark.get(n);
      JsonNode got = rows.get(n);
      for (StructField f : expected.schema().fields()) {
        Object e = expected.getAs(f.name());
        JsonNode g = got.get(f.name());
        String where = reader + " row " + n + " column " + f.name();
        assertTrue(g != null, where + " is missing");
        if (e == null) {
          assertTrue(g.isNull(), where + ": " + g);
        } else if (e instanceof Number num) {
          assertEquals(num.doubleValue(), g.asDouble(), 1e-12 * Math.max(1, Math.abs(num.doubleValue())), where);
        } else {
          assertEquals(e.toString(), g.asText(), where);
        }
      }
    }
  }
}
