package io.petal.ingest;

import io.petal.io.HadoopFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a study's input files once, whole, from any Hadoop filesystem, and hashes them on the way:
 * the content hash (SHA-256 over each file's length and bytes, in source order) and the decoded
 * data come from the same single read. Local files are read without Hadoop's {@code .crc}
 * sidecar check ({@link HadoopFiles#withoutChecksumFiles}): cohorts rarely have sidecars, and the
 * bytes are hashed here and, when gzip-compressed, checked against their gzip CRC as they are
 * decoded.
 */
public final class StudyFiles {
  private final Map<String, byte[]> bytes = new LinkedHashMap<>();
  private final String hash;

  private StudyFiles(List<String> paths, Configuration conf) throws IOException {
    MessageDigest sha = sha256();
    for (String p : paths) {
      byte[] b = readFully(p, conf);
      bytes.put(p, b);
      sha.update(longBytes(b.length));
      sha.update(b);
    }
    hash = HexFormat.of().formatHex(sha.digest());
  }

  /** Reads every file of {@code paths}. A missing or unreadable file fails naming it. */
  public static StudyFiles read(List<String> paths, Configuration conf) throws IOException {
    return new StudyFiles(paths, conf);
  }

  /** SHA-256 hex of all files. */
  public String contentHash() {
    return hash;
  }

  /** The bytes of one of the files. */
  public byte[] get(String path) {
    byte[] b = bytes.get(path);
    if (b == null) {
      throw new IllegalArgumentException("file was not read with this study: " + path);
    }
    return b;
  }

  private static byte[] readFully(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = HadoopFiles.withoutChecksumFiles(p.getFileSystem(conf));
    long len;
    try {
      len = fs.getFileStatus(p).getLen();
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("file not found: " + p.getName());
    }
    if (len > Integer.MAX_VALUE - 16) {
      throw new IOException(p.getName() + " is larger than 2 GB");
    }
    byte[] out = new byte[(int) len];
    try (InputStream in = fs.open(p)) {
      int off = 0;
      while (off < out.length) {
        int n = in.read(out, off, out.length - off);
        if (n < 0) {
          throw new IOException(p.getName() + " ended after " + off + " of " + len + " bytes");
        }
        off += n;
      }
    }
    return out;
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
