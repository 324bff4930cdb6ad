package io.petal.ingest;

import io.petal.schema.StudyKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds brain MRI cases in the BraTS layout under an input folder: {@code ROOT/<case>/} holding
 * {@code <case>_t1.nii.gz}, {@code _t1ce}, {@code _t2}, {@code _flair} and optionally {@code _seg}
 * (BraTS 2018–2021 names), or {@code <case>-t1n.nii.gz}, {@code -t1c}, {@code -t2w}, {@code -t2f}
 * and {@code -seg} (BraTS 2023 names); {@code .nii} files too. The case folder's name is the source
 * patient id and study id (pseudonymised at ingest); channels are {@link StudyKind#BRAIN_MRI}'s,
 * in arbitrary units; the label map keeps its BraTS values. A case folder with some but not all
 * four contrasts is refused with the missing ones named; a folder with none is not a case.
 */
public final class BratsFolderScanner {
  /** File suffixes of each contrast and of the label, per naming convention (channel order, then seg). */
  static final List<List<String>> NAMINGS = List.of(
      List.of("_t1", "_t1ce", "_t2", "_flair", "_seg"),
      List.of("-t1n", "-t1c", "-t2w", "-t2f", "-seg"));
  static final String LABEL_NAME = "seg";

  private BratsFolderScanner() {}

  /** The cases under {@code root}, and the case folders refused for missing contrasts. */
  public static DiscoveredStudies scan(String root, String cohort, Configuration conf) throws IOException {
    Path r = new Path(root);
    FileSystem fs = r.getFileSystem(conf);
    List<StudySource> studies = new ArrayList<>();
    List<IngestOutcome> refused = new ArrayList<>();
    if (!fs.exists(r) || !fs.getFileStatus(r).isDirectory()) {
      return new DiscoveredStudies(cohort, studies, refused);
    }
    List<FileStatus> cases = new ArrayList<>();
    for (FileStatus s : fs.listStatus(r)) {
      String n = s.getPath().getName();
      if (s.isDirectory() && !n.startsWith(".") && !n.startsWith("_")) {
        cases.add(s);
      }
    }
    cases.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    for (FileStatus c : cases) {
      String caseId = c.getPath().getName();
      Map<String, String> files = niftiFiles(fs, c.getPath());
      String ref = r.getName() + "/" + caseId;
      for (List<String> naming : NAMINGS) {
        List<String> found = naming.subList(0, 4).stream().filter(s -> files.containsKey(caseId + s)).toList();
        if (found.isEmpty()) {
          continue;
        }
        if (found.size() < 4) {
          List<String> missing = naming.subList(0, 4).stream().filter(s -> !files.containsKey(caseId + s))
              .map(s -> caseId + s + ".nii.gz").toList();
          refused.add(new IngestOutcome(IngestOutcome.Status.QUARANTINED, cohort, ref, null, null, null,
              "BraTS case " + caseId + " lacks " + String.join(", ", missing) + " (a brain MRI study needs T1, T1ce, "
                  + "T2 and FLAIR)"));
        } else {
          studies.add(study(cohort, ref, caseId, files, naming));
        }
        break;
      }
    }
    return new DiscoveredStudies(cohort, studies, refused);
  }

  private static StudySource study(String cohort, String ref, String caseId, Map<String, String> files,
      List<String> naming) {
    StudyKind kind = StudyKind.BRAIN_MRI;
    List<ChannelSource> channels = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      channels.add(new ChannelSource(kind.channels().get(c), kind.units().get(c), ChannelSource.Format.NIFTI,
          List.of(files.get(caseId + naming.get(c))), ChannelSource.Role.OTHER));
    }
    String seg = files.get(caseId + naming.get(4));
    List<LabelSource> labels = seg == null ? List.of()
        : List.of(new LabelSource(LABEL_NAME, ChannelSource.Format.NIFTI, List.of(seg)));
    return new StudySource(cohort, ref, caseId, caseId, kind.id(), channels, labels, null, null, null, Map.of());
  }

  /** NIfTI files of a folder by name without the extension ({@code .nii.gz} or {@code .nii}), case kept. */
  private static Map<String, String> niftiFiles(FileSystem fs, Path dir) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (FileStatus f : fs.listStatus(dir)) {
      String n = f.getPath().getName();
      String lower = n.toLowerCase(Locale.ROOT);
      if (!f.isFile()) {
        continue;
      }
      if (lower.endsWith(".nii.gz")) {
        out.put(n.substring(0, n.length() - 7), f.getPath().toString());
      } else if (lower.endsWith(".nii")) {
        out.put(n.substring(0, n.length() - 4), f.getPath().toString());
      }
    }
    return out;
  }
}
