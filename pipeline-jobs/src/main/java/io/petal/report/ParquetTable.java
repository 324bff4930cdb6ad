package io.petal.report;

import io.petal.io.HadoopFiles;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A small table written as one zstd-compressed Parquet file without Spark (parquet-hadoop's
 * example {@link Group} writer), atomically: to a hidden temporary name, then renamed into place.
 * Spark, pandas and DuckDB read it as an ordinary Parquet table. Optional columns hold null for a
 * NaN (undefined) value, so SQL aggregates skip it instead of turning NaN.
 */
final class ParquetTable {
  /** Column types. */
  enum Type {
    STRING, INT32, INT64, DOUBLE,
    /** A double that is null when NaN. */
    OPTIONAL_DOUBLE,
    /** A float that is null when NaN. */
    OPTIONAL_FLOAT
  }

  /** A column: name and type. */
  record Column(String name, Type type) {}

  private final String name;
  private final List<Column> columns;
  private final MessageType schema;

  /** A table called {@code name} (the Parquet message name) with these columns. */
  ParquetTable(String name, List<Column> columns) {
    this.name = name;
    this.columns = List.copyOf(columns);
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (Column c : columns) {
      switch (c.type()) {
        case STRING -> b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
        case INT32 -> b.required(PrimitiveTypeName.INT32).named(c.name());
        case INT64 -> b.required(PrimitiveTypeName.INT64).named(c.name());
        case DOUBLE -> b.required(PrimitiveTypeName.DOUBLE).named(c.name());
        case OPTIONAL_DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
        case OPTIONAL_FLOAT -> b.optional(PrimitiveTypeName.FLOAT).named(c.name());
      }
    }
    this.schema = b.named(name);
  }

  /** The Parquet schema. */
  MessageType schema() {
    return schema;
  }

  /**
   * Writes {@code rows} to {@code file} (replacing it), each row one value per column in column
   * order: String, Integer, Long, or Double/Float (boxed).
   */
  void write(String file, List<Object[]> rows, Configuration conf) throws IOException {
    Path target = new Path(file);
    FileSystem fs = target.getFileSystem(conf);
    Path tmp = HadoopFiles.temporaryBeside(fs, target);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(tmp)
        .withConf(conf)
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (Object[] row : rows) {
        w.write(group(groups.newGroup(), row));
      }
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    HadoopFiles.moveIntoPlace(fs, tmp, target);
  }

  private Group group(Group g, Object[] row) {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("table " + name + ": a row has " + row.length + " values for "
          + columns.size() + " columns");
    }
    for (int c = 0; c < row.length; c++) {
      Column col = columns.get(c);
      Object v = row[c];
      switch (col.type()) {
        case STRING -> g.append(col.name(), (String) v);
        case INT32 -> g.append(col.name(), (Integer) v);
        case INT64 -> g.append(col.name(), (Long) v);
        case DOUBLE -> g.append(col.name(), (Double) v);
        case OPTIONAL_DOUBLE -> {
          if (v != null && !Double.isNaN((Double) v)) {
            g.append(col.name(), (Double) v);
          }
        }
        case OPTIONAL_FLOAT -> {
          if (v != null && !Float.isNaN((Float) v)) {
            g.append(col.name(), (Float) v);
          }
        }
      }
    }
    return g;
  }
}
