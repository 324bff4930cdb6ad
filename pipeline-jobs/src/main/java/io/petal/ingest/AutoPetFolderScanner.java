package io.petal.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds autoPET-layout NIfTI studies under an input folder:
 * {@code ROOT/<patient>/<study>/SUV.nii.gz} with {@code CTres.nii.gz} and optionally
 * {@code SEG.nii.gz}. The folder names are the source patient and study ids (pseudonymised at
 * ingest). Diagnosis is unknown in this layout (the manifest route carries it).
 */
public final class AutoPetFolderScanner {
  public static final String SUV = "SUV.nii.gz";
  public static final String CT = "CTres.nii.gz";
  public static final String SEG = "SEG.nii.gz";

  private AutoPetFolderScanner() {}

  /** The studies under {@code root}; a study folder without SUV.nii.gz is not a study. */
  public static List<StudySource> scan(String root, String cohort, Configuration conf) throws IOException {
    Path r = new Path(root);
    FileSystem fs = r.getFileSystem(conf);
    List<StudySource> out = new ArrayList<>();
    if (!fs.exists(r) || !fs.getFileStatus(r).isDirectory()) {
      return out;
    }
    for (FileStatus patient : sortedDirs(fs, r)) {
      for (FileStatus study : sortedDirs(fs, patient.getPath())) {
        Path dir = study.getPath();
        if (!fs.exists(new Path(dir, SUV))) {
          continue;
        }
        List<ChannelSource> channels = new ArrayList<>();
        channels.add(new ChannelSource("PET", "SUV", ChannelSource.Format.NIFTI, List.of(new Path(dir, SUV).toString()),
            ChannelSource.Role.PET_SUV));
        if (fs.exists(new Path(dir, CT))) {
          channels.add(new ChannelSource("CT", "HU", ChannelSource.Format.NIFTI, List.of(new Path(dir, CT).toString()),
              ChannelSource.Role.CT));
        }
        List<LabelSource> labels = fs.exists(new Path(dir, SEG))
            ? List.of(new LabelSource("seg", ChannelSource.Format.NIFTI, List.of(new Path(dir, SEG).toString())))
            : List.of();
        String ref = r.getName() + "/" + patient.getPath().getName() + "/" + dir.getName();
        out.add(new StudySource(cohort, ref, patient.getPath().getName(), dir.getName(), "pet-ct", channels, labels,
            null, null, null, Map.of()));
      }
    }
    return out;
  }

  private static List<FileStatus> sortedDirs(FileSystem fs, Path p) throws IOException {
    List<FileStatus> dirs = new ArrayList<>();
    for (FileStatus s : fs.listStatus(p)) {
      String n = s.getPath().getName();
      if (s.isDirectory() && !n.startsWith(".") && !n.startsWith("_")) {
        dirs.add(s);
      }
    }
    dirs.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    return dirs;
  }
}
