package io.petal.io;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * The Parquet {@link OutputFile} for a path on any Hadoop filesystem. On the local filesystem the
 * file is written straight through a {@link FileChannel}: Hadoop's local filesystem would also
 * write a {@code .crc} sidecar (a CRC32 per 512 bytes, written in as many small writes) and,
 * without its native library, start a {@code chmod} process for each file it creates, both on
 * the hot path of a job that writes one file per study. Parquet's own page checksums still
 * cover the data. Other filesystems (HDFS, object stores) go through Hadoop as usual.
 *
 * <p>Callers that later rename or delete such a file through the (checksummed) local filesystem
 * may do so: a file without a sidecar is read and renamed as is, and a stale sidecar at the
 * rename's target is removed by the rename.
 */
public final class ParquetOutputFiles {
  /** Buffer for Parquet's small writes (page headers, footer); its large ones bypass it. */
  private static final int BUFFER_BYTES = 1 << 16;

  private ParquetOutputFiles() {}

  /** The output file for {@code path} on {@code fs}. */
  public static OutputFile of(FileSystem fs, Path path, Configuration conf) throws IOException {
    if (HadoopFiles.withoutChecksumFiles(fs) instanceof RawLocalFileSystem raw) {
      return new LocalFile(raw.pathToFile(path));
    }
    return HadoopOutputFile.fromPath(path, conf);
  }

  /** A local file written through a channel; Parquet's block size does not apply. */
  private record LocalFile(File file) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
      if (file.exists()) {
        throw new FileAlreadyExistsException(file.getPath());
      }
      return open(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
      return open(StandardOpenOption.CREATE);
    }

    private PositionOutputStream open(StandardOpenOption create) throws IOException {
      FileChannel ch = FileChannel.open(file.toPath(), create, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      return new CountingStream(new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER_BYTES));
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return file.getPath();
    }
  }

  /** Counts the bytes written: the position Parquet records for pages and the footer. */
  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long pos;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
