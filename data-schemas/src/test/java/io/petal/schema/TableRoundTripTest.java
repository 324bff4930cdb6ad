package io.petal.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

/** Each table contract survives a write and read through Spark and Parquet (zstd). */
class TableRoundTripTest {
  @TempDir Path dir;
  private final SparkSession spark = TestSpark.session();
  private static final Timestamp NOW = Timestamp.valueOf("2026-11-21 12:00:00");

  @Test
  void studiesRoundTrip() throws IOException {
    Row row = RowFactory.create("cohortA", "p1", "s1", "pet-ct", "nifti",
        seq("PET", "CT"), seq("SUV", "HU"), 41, 43, 59, 4.6875, 4.6875, 3.27,
        seq(4.6875, 0.0, 0.0, -100.0, 0.0, 4.6875, 0.0, -90.0, 0.0, 0.0, 3.27, 12.5),
        1.0, "GML: values already SUV", null, "NEGATIVE", true, "train", seq("seg"),
        5095L, 5095 * 0.0718, 7.9, "abc123", null,
        JavaConverters.mapAsScalaMapConverter(Map.of("site", "thigh")).asScala(), NOW, StudiesTable.VERSION);
    Row back = roundTrip(StudiesTable.INSTANCE, row);
    assertEquals("s1", back.getAs(Columns.STUDY_KEY));
    assertEquals(List.of("PET", "CT"), back.getList(back.fieldIndex(StudiesTable.CHANNELS)));
    assertEquals(12.5, back.<Double>getList(back.fieldIndex(StudiesTable.AFFINE)).get(11));
    assertEquals("thigh", back.getJavaMap(back.fieldIndex(StudiesTable.METADATA)).get("site"));
    assertEquals(NOW, back.getAs(StudiesTable.INGESTED_AT));
  }

  @Test
  void slicesRoundTripKeepsTensorsBitExact() throws IOException {
    float[] pet = {0f, 1.5f, Float.MIN_VALUE, 7.9f, -0.0f, 1e30f};
    float[] ct = {-1000f, 40f, 3071f, 0.5f, -0.25f, 12f};
    byte[] image = TensorCodec.encodeFloatPlanes(pet, ct);
    byte[] labels = TensorCodec.encodeLabels(new float[] {0, 1, 0, 1, 0, 0});
    Row row = RowFactory.create("cohortA", "p1", "s1", "pet-ct", "test", 7, 22.9, "axial", 3, 2, 2, image, 1,
        labels, 2, 1e30f, 7.9f, SlicesTable.VERSION);
    Row back = roundTrip(SlicesTable.INSTANCE, row);
    byte[] img = back.getAs(SlicesTable.IMAGE);
    assertArrayEquals(pet, TensorCodec.decodeFloatPlane(img, 0, 6));
    assertArrayEquals(ct, TensorCodec.decodeFloatPlane(img, 1, 6));
    assertArrayEquals(labels, (byte[]) back.getAs(SlicesTable.LABELS));
  }

  @Test
  void quarantineRoundTrip() throws IOException {
    Row row = RowFactory.create("cohortA", null, "manifest.csv row 3: p9/SUV.nii.gz", "ingest",
        "SUV.nii.gz: truncated gzip stream", "ff00", NOW, QuarantineTable.VERSION);
    Row back = roundTrip(QuarantineTable.INSTANCE, row);
    assertEquals("SUV.nii.gz: truncated gzip stream", back.getAs(QuarantineTable.REASON));
  }

  @Test
  void masksRoundTripKeepsTensorsBitExact() throws IOException {
    float[] probability = {0.01f, 0.97f, 0.5f, 0f, 1f, 0.25f};
    byte[] label = TensorCodec.encodeLabels(new float[] {0, 1, 1, 0, 1, 0});
    Row row = RowFactory.create("cohortA", "p1", "s1", "unet-1", 4, 3, 2, TensorCodec.encodeFloats(probability), label,
        MasksTable.VERSION);
    Row back = roundTrip(MasksTable.INSTANCE, row);
    assertEquals("unet-1", back.getAs(MasksTable.MODEL));
    assertArrayEquals(probability, TensorCodec.decodeFloats(back.getAs(MasksTable.PROBABILITY), 6));
    assertArrayEquals(label, (byte[]) back.getAs(MasksTable.LABEL));
  }

  @Test
  void lesionsRoundTrip() throws IOException {
    Row row = RowFactory.create("cohortA", "p1", "s1", "truth:seg", 1, 5095, 366.08, 366.08, 7.91, 2.56, 6.08,
        936.2, null, -14.0, -13.5, 110.0, 2, 4, 3, 4, 2, 3, 6.0, 6.0, 8.0, null, null, LesionsTable.VERSION);
    Row back = roundTrip(LesionsTable.INSTANCE, row);
    assertEquals("truth:seg", back.getAs(Columns.MASK_SOURCE));
    assertEquals(5095, back.<Integer>getAs(LesionsTable.VOXELS));
    assertEquals(6.08, back.<Double>getAs(LesionsTable.SUV_PEAK));
    assertTrue(back.isNullAt(back.fieldIndex(LesionsTable.CT_MEAN_HU)));
    assertTrue(back.isNullAt(back.fieldIndex(LesionsTable.SITE)));
  }

  @Test
  void lesionSummaryRoundTrip() throws IOException {
    Row row = RowFactory.create("cohortA", "p1", "s1", "predicted:unet-1", 0, 0L, 0.0, 0.0, null,
        LesionSummaryTable.VERSION);
    Row back = roundTrip(LesionSummaryTable.INSTANCE, row);
    assertEquals(0, back.<Integer>getAs(LesionSummaryTable.LESION_COUNT));
    assertTrue(back.isNullAt(back.fieldIndex(LesionSummaryTable.SUV_MAX)));
  }

  @Test
  void evaluationTablesRoundTripWithNullForUndefinedFigures() throws IOException {
    Row patient = roundTrip(PatientMetricsTable.INSTANCE, RowFactory.create("run1", "cohortA", "p1", "s1", "test", true,
        "segmentation", "seg", true, "lesion", null, null, 1.5, 0.0, 0.0, 1.5, 0L, 0L, 2L, PatientMetricsTable.VERSION));
    assertEquals("lesion", patient.getAs(PatientMetricsTable.REGION));
    assertEquals("run1", patient.getAs(PatientMetricsTable.RUN));
    assertTrue(patient.isNullAt(patient.fieldIndex(PatientMetricsTable.DICE)));
    assertEquals(1.5, patient.<Double>getAs(PatientMetricsTable.FPV_ML));
    Row ranking = roundTrip(RankingMetricsTable.INSTANCE, RowFactory.create("run1", "anomaly map (ae)", "ae", "pixel",
        0.97, 1e-6, 0.4, 10L, 1000L, RankingMetricsTable.VERSION));
    assertEquals(0.97, ranking.<Double>getAs(RankingMetricsTable.AUROC));
    Row fold = roundTrip(FoldsTable.INSTANCE, RowFactory.create("cv", "cohortA", "p1", 3, 5, 7L, FoldsTable.VERSION));
    assertEquals(3, fold.<Integer>getAs(FoldsTable.FOLD));
  }

  @Test
  void unknownSchemaVersionFailsClearly() {
    Row row = RowFactory.create("cohortA", null, "x", "ingest", "r", null, NOW, QuarantineTable.VERSION + 1);
    Dataset<Row> df = spark.createDataFrame(List.of(row), QuarantineTable.INSTANCE.schema());
    SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
        () -> QuarantineTable.INSTANCE.requireCompatible(df));
    assertTrue(e.getMessage().contains("quarantine") && e.getMessage().contains("version 2"), e.getMessage());
  }

  @Test
  void missingColumnFailsClearly() {
    Row row = RowFactory.create("cohortA", null, "x", "ingest", "r", null, NOW, QuarantineTable.VERSION);
    Dataset<Row> df = spark.createDataFrame(List.of(row), QuarantineTable.INSTANCE.schema())
        .drop(QuarantineTable.REASON);
    SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
        () -> QuarantineTable.INSTANCE.requireCompatible(df));
    assertTrue(e.getMessage().contains("'reason' is missing"), e.getMessage());
  }

  /** Writes one row as Parquet, checks the codec with parquet-hadoop's own reader, reads it back. */
  private Row roundTrip(TableContract table, Row row) throws IOException {
    String out = dir.resolve(table.name()).toString();
    spark.createDataFrame(List.of(row), table.schema()).write()
        .partitionBy(table.partitionColumns()).parquet(out);
    assertAllChunksZstd(dir.resolve(table.name()));
    Dataset<Row> back = table.requireCompatible(spark.read().parquet(out));
    Row[] rows = (Row[]) back.select(
        Stream.of(table.schema().fieldNames()).map(functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .collect();
    assertEquals(1, rows.length);
    return rows[0];
  }

  private static void assertAllChunksZstd(Path tableDir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(tableDir)) {
      files = s.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
    assertTrue(!files.isEmpty(), "no parquet file under " + tableDir);
    for (Path f : files) {
      try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
          new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))) {
        for (BlockMetaData block : r.getFooter().getBlocks()) {
          for (ColumnChunkMetaData c : block.getColumns()) {
            assertEquals(CompressionCodecName.ZSTD, c.getCodec(), c.getPath().toDotString());
          }
        }
      }
    }
  }

  @SafeVarargs
  private static <T> scala.collection.Seq<T> seq(T... values) {
    return JavaConverters.asScalaBuffer(List.of(values)).toSeq();
  }
}
