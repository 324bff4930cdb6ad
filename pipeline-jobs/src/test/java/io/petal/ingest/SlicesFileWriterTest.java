package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.schema.SlicesTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlicesFileWriterTest {
  @TempDir Path dir;

  /** The rows a cutter hands out, each copied before the next one overwrites its buffers. */
  static List<SliceRecord> copies(LoadedStudy s) {
    List<SliceRecord> out = new ArrayList<>();
    for (SliceCutter c = new SliceCutter(s); c.hasNext(); ) {
      SliceRecord r = c.next();
      out.add(new SliceRecord(r.sliceIndex(), r.zMm(), r.view(), r.width(), r.height(), r.channelCount(),
          r.image().clone(), r.labelCount(), r.labels() == null ? null : r.labels().clone(), r.lesionVoxels(),
          r.channel0Max(), r.lesionChannel0Max()));
    }
    return out;
  }

  @Test
  void everyRowReadsBackWithItsOwnTensorsThoughTheCutterReusesItsBuffers() throws Exception {
    LoadedStudy study = SliceCutterTest.study(true);
    String file = SlicesFileWriter.pathOf(dir.toString(), "c1", "s1");
    Configuration conf = new Configuration();
    SlicesFileWriter.write(file, "p1", "s1", "pet-ct", "train", new SliceCutter(study), conf);

    List<SliceRecord> expected = copies(study);
    List<Group> rows = new ArrayList<>();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file))
        .withConf(conf).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        rows.add(g);
      }
    }
    assertEquals(expected.size(), rows.size());
    for (int k = 0; k < rows.size(); k++) {
      Group g = rows.get(k);
      SliceRecord e = expected.get(k);
      assertEquals(k, g.getInteger(SlicesTable.SLICE_INDEX, 0));
      assertEquals("s1", g.getString("study_key", 0));
      assertEquals("train", g.getString(SlicesTable.SPLIT, 0));
      assertEquals(e.zMm(), g.getDouble(SlicesTable.Z_MM, 0));
      assertArrayEquals(e.image(), g.getBinary(SlicesTable.IMAGE, 0).getBytes(), "image of slice " + k);
      assertArrayEquals(e.labels(), g.getBinary(SlicesTable.LABELS, 0).getBytes(), "labels of slice " + k);
      assertEquals(e.lesionVoxels(), g.getInteger(SlicesTable.LESION_VOXELS, 0));
      assertEquals(e.channel0Max(), g.getFloat(SlicesTable.CHANNEL0_MAX, 0));
      if (e.lesionChannel0Max() == null) {
        assertEquals(0, g.getFieldRepetitionCount(SlicesTable.LESION_CHANNEL0_MAX));
      } else {
        assertEquals(e.lesionChannel0Max(), g.getFloat(SlicesTable.LESION_CHANNEL0_MAX, 0));
      }
    }
  }

  @Test
  void oneZstdRowGroupPerStudyAndTheCallersConfigurationUntouched() throws Exception {
    String file = SlicesFileWriter.pathOf(dir.toString(), "c1", "s2");
    Configuration conf = new Configuration();
    SlicesFileWriter.write(file, "p1", "s2", "pet-ct", null, new SliceCutter(SliceCutterTest.study(false)), conf);

    assertNull(conf.get(SlicesFileWriter.ZSTD_LEVEL_KEY), "the writer sets its zstd level on a copy");
    try (ParquetFileReader r = ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), conf))) {
      List<BlockMetaData> groups = r.getFooter().getBlocks();
      assertEquals(1, groups.size());
      assertEquals(SliceCutterTest.GRID.nz(), groups.get(0).getRowCount());
      for (ColumnChunkMetaData c : groups.get(0).getColumns()) {
        assertEquals(CompressionCodecName.ZSTD, c.getCodec(), c.getPath().toDotString());
      }
    }
    try (var files = Files.list(dir.resolve("cohort=c1"))) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".") && !p.toString().endsWith(".crc")),
          "no temporary file left behind");
    }
    assertTrue(Files.exists(Path.of(file)));
  }

  @Test
  void aLocalFileGetsNoChecksumSidecarAndReplacesAFileThatHadOne() throws Exception {
    String file = SlicesFileWriter.pathOf(dir.toString(), "c1", "s3");
    Path sidecar = dir.resolve("cohort=c1/.s3.parquet.crc");
    Configuration conf = new Configuration();
    // an older version written through Hadoop's checksummed local filesystem, sidecar and all
    FileSystem local = FileSystem.getLocal(conf);
    try (var out = local.create(new org.apache.hadoop.fs.Path(file))) {
      out.write(new byte[5000]);
    }
    assertTrue(Files.exists(sidecar));

    SlicesFileWriter.write(file, "p1", "s3", "pet-ct", null, new SliceCutter(SliceCutterTest.study(true)), conf);

    assertFalse(Files.exists(sidecar), "the old file's checksums must not be checked against the new file");
    int rows = 0;
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file))
        .withConf(conf).build()) { // read through the checksummed filesystem, as Spark does
      while (r.read() != null) {
        rows++;
      }
    }
    assertEquals(SliceCutterTest.GRID.nz(), rows);
  }
}
