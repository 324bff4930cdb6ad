package io.petal.ingest.dicom;

import io.petal.ingest.ChannelSource;
import io.petal.ingest.StudySource;
import io.petal.schema.StudyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a DICOM study without PET whose images are NM to a {@link StudyKind#SPECT_BONE} study:
 * every NM image file becomes part of one planar channel ({@code counts}), read view by view at
 * ingest ({@link PlanarNmReader}); other series are ignored with a log line. DICOM planar studies
 * come without labels (a label map goes through the manifest's {@code seg} column).
 */
final class PlanarNmStudyRouter {
  private static final Logger LOG = LoggerFactory.getLogger(PlanarNmStudyRouter.class);

  private PlanarNmStudyRouter() {}

  /** True when {@code series} holds NM images and no PET image series: a planar NM study. */
  static boolean accepts(List<DicomSeriesGroup> series) {
    boolean nm = series.stream().anyMatch(g -> g.modality().equals("NM") && g.first().image());
    boolean pet = series.stream().anyMatch(g -> g.modality().equals("PT") && g.first().image());
    return nm && !pet;
  }

  /** The study of the NM series among {@code series}, of patient {@code patientId}. */
  static StudySource route(List<DicomSeriesGroup> series, String patientId, String cohort, String sourceRef) {
    List<String> files = new ArrayList<>();
    String studyUid = null;
    for (DicomSeriesGroup g : series) {
      if (g.modality().equals("NM") && g.first().image()) {
        files.addAll(g.paths());
        studyUid = studyUid == null ? g.first().studyUid() : studyUid;
      } else {
        LOG.info("dicom scan: study {}: ignored {}", sourceRef, g);
      }
    }
    StudyKind kind = StudyKind.SPECT_BONE;
    ChannelSource counts = new ChannelSource(kind.channels().get(0), kind.units().get(0),
        ChannelSource.Format.DICOM_PLANAR, files, ChannelSource.Role.OTHER);
    return new StudySource(cohort, sourceRef, patientId, studyUid, kind.id(), List.of(counts), List.of(), null, null,
        null, Map.of());
  }
}
