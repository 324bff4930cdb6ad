package io.petal.ingest.dicom;

import io.petal.ingest.DiscoveredStudies;
import io.petal.ingest.IngestOutcome;
import io.petal.ingest.SourcePaths;
import io.petal.ingest.StudyRejectedException;
import io.petal.ingest.StudySource;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the DICOM studies under an input folder, at any depth and in any layout: reads the header
 * (up to the pixel data) of every regular file, groups the files by StudyInstanceUID and routes
 * each study's series to channels and a label ({@link DicomStudyRouter}).
 *
 * <p>A study's source ids are its PatientID and StudyInstanceUID, pseudonymised at ingest; its
 * {@code sourceRef} is the deepest folder holding all its files, relative to the input root
 * ({@code .} for the root itself), with " (study N)" added for the N-th study of the same folder
 * (in file path order). Files that are not DICOM, and DICOM files without a
 * StudyInstanceUID or SeriesInstanceUID (DICOMDIR, ...), are skipped and counted in the log; so are
 * DICOM files that cannot be parsed, each with a warning (a missing slice then shows as a gap at
 * ingest). Log
 * lines carry source references and series descriptions only, never an id.
 *
 * <p>The headers are read on the driver, one file after the other: fine for folders of a few
 * thousand files; a cohort of many studies would want the scan distributed.
 */
public final class DicomFolderScanner {
  private static final Logger LOG = LoggerFactory.getLogger(DicomFolderScanner.class);
  /** How {@link DicomReader} starts the reason for a file that is not DICOM at all. */
  private static final String NOT_DICOM = "not a DICOM file";

  private DicomFolderScanner() {}

  /**
   * The studies under {@code root}, and the studies refused at discovery (no PET series, no or
   * several PatientIDs) as quarantine outcomes. Both empty when {@code root} holds no DICOM study.
   */
  public static DiscoveredStudies scan(String root, String cohort, Configuration conf) throws IOException {
    Path rootPath = new Path(root);
    FileSystem fs = rootPath.getFileSystem(conf);
    String rootDir = fs.makeQualified(rootPath).toUri().getPath();
    Map<String, List<DicomInstanceHeader>> byStudy = headersByStudy(fs, SourcePaths.filesUnder(root, conf));
    List<StudySource> studies = new ArrayList<>();
    List<IngestOutcome> refused = new ArrayList<>();
    Map<String, Integer> refUses = new HashMap<>();
    for (List<DicomInstanceHeader> instances : byStudy.values()) {
      String folder = relativeFolder(rootDir, instances);
      int use = refUses.merge(folder, 1, Integer::sum);
      String ref = use == 1 ? folder : folder + " (study " + use + ")";
      try {
        studies.add(DicomStudyRouter.route(instances, cohort, ref));
      } catch (StudyRejectedException e) {
        LOG.warn("dicom scan: study {} refused: {}", ref, e.getMessage());
        refused.add(new IngestOutcome(IngestOutcome.Status.QUARANTINED, cohort, ref, null, null, null,
            e.getMessage()));
      }
    }
    return new DiscoveredStudies(cohort, studies, refused);
  }

  /**
   * The headers of the DICOM files among {@code files}, grouped by StudyInstanceUID in file order;
   * skipped files are counted in one log line.
   */
  private static Map<String, List<DicomInstanceHeader>> headersByStudy(FileSystem fs, List<String> files)
      throws IOException {
    Map<String, List<DicomInstanceHeader>> byStudy = new LinkedHashMap<>();
    int notDicom = 0;
    int unreadable = 0;
    int noSeries = 0;
    for (String file : files) {
      Path p = new Path(file);
      DicomInstanceHeader h;
      try (InputStream in = fs.open(p)) {
        h = DicomInstanceHeader.of(file, DicomReader.readHeader(in, p.getName()).dataset());
      } catch (DicomFormatException e) {
        if (e.reason().startsWith(NOT_DICOM)) {
          notDicom++;
        } else {
          unreadable++;
          LOG.warn("dicom scan: skipped unreadable DICOM file {}", e.getMessage());
        }
        continue;
      }
      if (h.studyUid() == null || h.seriesUid() == null) {
        noSeries++;
      } else {
        byStudy.computeIfAbsent(h.studyUid(), u -> new ArrayList<>()).add(h);
      }
    }
    LOG.info("dicom scan: {} files: {} DICOM studies; skipped {} non-DICOM files, {} unreadable DICOM files and {} "
        + "DICOM files without study or series UID", files.size(), byStudy.size(), notDicom, unreadable, noSeries);
    return byStudy;
  }

  /** The deepest folder holding every file of the study, relative to {@code rootDir}; "." for the root. */
  static String relativeFolder(String rootDir, List<DicomInstanceHeader> instances) {
    String common = null;
    for (DicomInstanceHeader h : instances) {
      String dir = new Path(h.path()).getParent().toUri().getPath();
      common = common == null ? dir : commonPrefixFolder(common, dir);
    }
    String root = rootDir.endsWith("/") ? rootDir : rootDir + "/";
    if (common == null || !(common + "/").startsWith(root) || (common + "/").equals(root)) {
      return ".";
    }
    return common.substring(root.length());
  }

  private static String commonPrefixFolder(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      out.append(i == 0 ? "" : "/").append(x[i]);
    }
    return out.toString();
  }
}
