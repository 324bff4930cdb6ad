package io.petal.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Resolving and listing input paths on any Hadoop filesystem. */
public final class SourcePaths {
  private SourcePaths() {}

  /** {@code rel} against {@code base} unless it is absolute or a URI; qualified with its scheme. */
  static String resolve(Path base, String rel, Configuration conf) throws IOException {
    Path p = new Path(rel);
    Path full = p.isAbsolute() || p.toUri().getScheme() != null ? p : new Path(base, rel);
    return full.getFileSystem(conf).makeQualified(full).toString();
  }

  /** True for a NIfTI file name. */
  static boolean isNifti(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".nii") || p.endsWith(".nii.gz");
  }

  /** The regular, non-hidden files under {@code dir}, recursively, sorted by path. */
  public static List<String> filesUnder(String dir, Configuration conf) throws IOException {
    Path d = new Path(dir);
    FileSystem fs = d.getFileSystem(conf);
    List<String> out = new ArrayList<>();
    if (!fs.exists(d)) {
      return out;
    }
    FileStatus st = fs.getFileStatus(d);
    if (st.isFile()) {
      out.add(fs.makeQualified(d).toString());
      return out;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(d, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String name = f.getPath().getName();
      if (f.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
        out.add(f.getPath().toString());
      }
    }
    out.sort(null);
    return out;
  }
}
