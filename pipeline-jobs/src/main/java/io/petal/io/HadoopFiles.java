package io.petal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Small helpers for reading and writing files on any Hadoop filesystem ({@code file://},
 * {@code hdfs://}, a plain local path, …). Whole-file writes go to a temporary name first and are
 * renamed into place, so a reader never sees half a file.
 */
public final class HadoopFiles {
  private HadoopFiles() {}

  /** The filesystem that serves {@code path}. */
  public static FileSystem fs(String path, Configuration conf) throws IOException {
    return new Path(path).getFileSystem(conf);
  }

  /**
   * {@code fs} itself, or the raw filesystem underneath Hadoop's checksummed local filesystem. The
   * local filesystem verifies a {@code .crc} sidecar on every read (a CRC32 per 512 bytes) where
   * one exists, and writes one beside every file it creates; its raw form reads and writes the
   * file alone, for bulk data whose integrity something else already checks (gzip's CRC, a
   * content hash, Parquet's page checksums). Other filesystems are returned as they are.
   */
  public static FileSystem withoutChecksumFiles(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
  }

  /** Opens {@code path} for reading; a missing file fails with its path in the message. */
  public static InputStream open(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      throw new java.io.FileNotFoundException("no such file: " + path);
    }
    return fs.open(p);
  }

  /** Something that writes a whole file's bytes. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code path} atomically: to a hidden temporary file beside it, then renamed over the
   * target (replacing an older file). Parent folders are created.
   */
  public static void writeAtomically(String path, Configuration conf, Writer writer) throws IOException {
    Path target = new Path(path);
    FileSystem fs = target.getFileSystem(conf);
    Path tmp = temporaryBeside(fs, target);
    try (FSDataOutputStream out = fs.create(tmp, true)) {
      writer.writeTo(out);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    moveIntoPlace(fs, tmp, target);
  }

  /**
   * A hidden, unique temporary path in {@code target}'s folder (created if needed). Readers of
   * Spark and Parquet skip hidden files, so a half-written one is never read.
   */
  public static Path temporaryBeside(FileSystem fs, Path target) throws IOException {
    fs.mkdirs(target.getParent());
    return new Path(target.getParent(), "." + target.getName() + ".tmp-" + java.util.UUID.randomUUID());
  }

  /** Renames the finished {@code tmp} over {@code target}, replacing an older file. */
  public static void moveIntoPlace(FileSystem fs, Path tmp, Path target) throws IOException {
    if (fs.exists(target) && !fs.delete(target, false)) {
      fs.delete(tmp, false);
      throw new IOException("cannot replace " + target);
    }
    if (!fs.rename(tmp, target)) {
      fs.delete(tmp, false);
      throw new IOException("cannot move the new file into place: " + target);
    }
  }

  /** Writes UTF-8 text atomically. */
  public static void writeText(String path, Configuration conf, String text) throws IOException {
    writeAtomically(path, conf, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Joins a folder path and a relative child path with exactly one slash. */
  public static String join(String dir, String child) {
    return dir.endsWith("/") ? dir + child : dir + "/" + child;
  }
}
