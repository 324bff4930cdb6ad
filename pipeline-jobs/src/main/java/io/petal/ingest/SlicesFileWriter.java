package io.petal.ingest;

import io.petal.io.HadoopFiles;
import io.petal.io.ParquetOutputFiles;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes one study's slices as one Parquet file,
 * {@code W/tables/slices/cohort=<cohort>/<study_key>.parquet}, zstd-compressed, the whole study
 * in one row group (so a task reads whole studies). The file is written under a hidden temporary
 * name and renamed into place: readers see the old file or the new one, never half a file, and a
 * re-run replaces a study instead of duplicating it. The cohort is the partition folder, not a
 * column in the file.
 *
 * <p>zstd runs at level {@value #ZSTD_LEVEL} unless the Hadoop configuration sets
 * {@value #ZSTD_LEVEL_KEY}: on PET/CT tensors level 1 gives files as small as Parquet's default
 * level 3 (within 0.1 %) in about half the compression time (see benchmarks/README.md).
 */
public final class SlicesFileWriter {
  /** Row group size: larger than any one study's slices, so a study is one row group. */
  static final int ROW_GROUP_BYTES = 512 * 1024 * 1024;
  /** Parquet's setting of the zstd compression level. */
  static final String ZSTD_LEVEL_KEY = "parquet.compression.codec.zstd.level";
  /** zstd level used when the configuration does not set one. */
  static final int ZSTD_LEVEL = 1;

  static final MessageType SCHEMA = Types.buildMessage()
      .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(Columns.PATIENT_KEY)
      .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(Columns.STUDY_KEY)
      .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SlicesTable.KIND)
      .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SlicesTable.SPLIT)
      .required(PrimitiveTypeName.INT32).named(SlicesTable.SLICE_INDEX)
      .required(PrimitiveTypeName.DOUBLE).named(SlicesTable.Z_MM)
      .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SlicesTable.VIEW)
      .required(PrimitiveTypeName.INT32).named(SlicesTable.WIDTH)
      .required(PrimitiveTypeName.INT32).named(SlicesTable.HEIGHT)
      .required(PrimitiveTypeName.INT32).named(SlicesTable.CHANNEL_COUNT)
      .required(PrimitiveTypeName.BINARY).named(SlicesTable.IMAGE)
      .required(PrimitiveTypeName.INT32).named(SlicesTable.LABEL_COUNT)
      .optional(PrimitiveTypeName.BINARY).named(SlicesTable.LABELS)
      .required(PrimitiveTypeName.INT32).named(SlicesTable.LESION_VOXELS)
      .required(PrimitiveTypeName.FLOAT).named(SlicesTable.CHANNEL0_MAX)
      .optional(PrimitiveTypeName.FLOAT).named(SlicesTable.LESION_CHANNEL0_MAX)
      .required(PrimitiveTypeName.INT32).named(Columns.SCHEMA_VERSION)
      .named("slices");

  private SlicesFileWriter() {}

  /** The file a study's slices live in. */
  public static String pathOf(String slicesTable, String cohort, String studyKey) {
    return HadoopFiles.join(slicesTable, Columns.COHORT + "=" + cohort + "/" + studyKey + ".parquet");
  }

  /**
   * Writes (or replaces) the study's slice file atomically, taking the rows from {@code slices} in
   * order. Each row's tensor bytes are copied into the file's pages before the next row is taken,
   * so the rows may share buffers (as {@link SliceCutter}'s do).
   */
  public static void write(String file, String patientKey, String studyKey, String kind, String split,
      Iterator<SliceRecord> slices, Configuration conf) throws IOException {
    Path target = new Path(file);
    FileSystem fs = target.getFileSystem(conf);
    Path tmp = HadoopFiles.temporaryBeside(fs, target);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    Configuration writerConf = writerConf(conf);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(ParquetOutputFiles.of(fs, tmp, writerConf))
        .withConf(writerConf)
        .withType(SCHEMA)
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withRowGroupSize(ROW_GROUP_BYTES)
        // tensors never repeat: a dictionary is pure overhead for them
        .withDictionaryEncoding(false)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      while (slices.hasNext()) {
        SliceRecord s = slices.next();
        Group g = groups.newGroup()
            .append(Columns.PATIENT_KEY, patientKey)
            .append(Columns.STUDY_KEY, studyKey)
            .append(SlicesTable.KIND, kind);
        if (split != null) {
          g.append(SlicesTable.SPLIT, split);
        }
        g.append(SlicesTable.SLICE_INDEX, s.sliceIndex())
            .append(SlicesTable.Z_MM, s.zMm())
            .append(SlicesTable.VIEW, s.view())
            .append(SlicesTable.WIDTH, s.width())
            .append(SlicesTable.HEIGHT, s.height())
            .append(SlicesTable.CHANNEL_COUNT, s.channelCount())
            .append(SlicesTable.IMAGE, Binary.fromReusedByteArray(s.image()))
            .append(SlicesTable.LABEL_COUNT, s.labelCount());
        if (s.labels() != null) {
          g.append(SlicesTable.LABELS, Binary.fromReusedByteArray(s.labels()));
        }
        g.append(SlicesTable.LESION_VOXELS, s.lesionVoxels())
            .append(SlicesTable.CHANNEL0_MAX, s.channel0Max());
        if (s.lesionChannel0Max() != null) {
          g.append(SlicesTable.LESION_CHANNEL0_MAX, s.lesionChannel0Max());
        }
        g.append(Columns.SCHEMA_VERSION, SlicesTable.VERSION);
        w.write(g);
      }
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    HadoopFiles.moveIntoPlace(fs, tmp, target);
  }

  /**
   * {@code conf} when it sets a zstd level, else a copy with the default level ({@code conf} may
   * be shared by tasks). A caller that writes many files passes the result to {@link #write}, which
   * then copies nothing.
   */
  static Configuration writerConf(Configuration conf) {
    if (conf.get(ZSTD_LEVEL_KEY) != null) {
      return conf;
    }
    Configuration c = new Configuration(conf);
    c.setInt(ZSTD_LEVEL_KEY, ZSTD_LEVEL);
    return c;
  }
}
