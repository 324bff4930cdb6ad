package io.petal.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a result as an Arrow IPC file (the random-access "file" format, magic {@code ARROW1}),
 * with the Spark schema converted by {@link ArrowSchemas}, in record batches of
 * {@value #BATCH_ROWS} rows streamed from the driver.
 */
final class ArrowResultWriter {
  /** Rows per record batch. */
  static final int BATCH_ROWS = 4096;

  private ArrowResultWriter() {}

  static long write(Dataset<Row> result, OutputStream out) throws IOException {
    StructField[] fields = result.schema().fields();
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowSchemas.of(result.schema()), allocator);
        ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(out))) {
      List<FieldVector> vectors = root.getFieldVectors();
      ArrowColumnWriter[] columns = new ArrowColumnWriter[fields.length];
      for (int c = 0; c < fields.length; c++) {
        columns[c] = ArrowColumnWriter.of(vectors.get(c), fields[c].dataType());
      }
      writer.start();
      long total = 0;
      Iterator<Row> rows = result.toLocalIterator();
      do {
        root.allocateNew();
        int n = 0;
        for (; n < BATCH_ROWS && rows.hasNext(); n++) {
          Row r = rows.next();
          for (int c = 0; c < columns.length; c++) {
            columns[c].write(n, r.get(c));
          }
        }
        root.setRowCount(n);
        if (n > 0 || total == 0) {
          writer.writeBatch();
        }
        total += n;
      } while (rows.hasNext());
      writer.end();
      return total;
    }
  }
}
