package io.petal.ingest.dicom;

import io.petal.ingest.ChannelSource;
import io.petal.ingest.LabelSource;
import io.petal.ingest.StudyRejectedException;
import io.petal.ingest.StudySource;
import io.petal.schema.StudyKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the files of one DICOM study into a {@link StudySource}: which series becomes which
 * channel, and which structure set or segmentation becomes the label.
 *
 * <ul>
 *   <li>PET: the PT image series; of several, the first attenuation-corrected one (CorrectedImage
 *       ATTN) by SeriesNumber, else the first by SeriesNumber. Role PET_SUV when its Units are GML,
 *       else PET_RAW (normalised from its headers at ingest). A study without one is refused.</li>
 *   <li>CT: the CT image series that is not a localizer; of several, the first in the PET's frame
 *       of reference by SeriesNumber. None: a PET-only study.</li>
 *   <li>Label {@code seg}: the RTSTRUCT or SEG referencing the PET series, else the CT series,
 *       else the first by SeriesNumber.</li>
 *   <li>Every other series (MR, other PET or CT, further structure sets, ...) is ignored with a log
 *       line.</li>
 *   <li>A study without a PET image series but with NM images is a planar bone scan
 *       ({@link PlanarNmStudyRouter}).</li>
 * </ul>
 *
 * Every file must carry the same, non-empty PatientID. Log lines and messages name series by
 * modality, number and file name, never by an id or UID.
 */
final class DicomStudyRouter {
  private static final Logger LOG = LoggerFactory.getLogger(DicomStudyRouter.class);
  /** Name of the label source routed from an RTSTRUCT or SEG. */
  static final String LABEL_NAME = "seg";
  /** Study kind of every DICOM study with PET. */
  static final String KIND = StudyKind.PET_CT.id();

  private DicomStudyRouter() {}

  /**
   * The study made of {@code instances} (all with one StudyInstanceUID).
   *
   * @param sourceRef where the study lies relative to the input root; used in log lines
   * @throws StudyRejectedException when there is no PET series (nor NM images) or the PatientID is
   *     missing or not unique
   */
  static StudySource route(List<DicomInstanceHeader> instances, String cohort, String sourceRef)
      throws StudyRejectedException {
    String patientId = patientId(instances);
    List<DicomSeriesGroup> series = DicomSeriesGroup.of(instances);
    if (PlanarNmStudyRouter.accepts(series)) {
      return PlanarNmStudyRouter.route(series, patientId, cohort, sourceRef);
    }
    DicomSeriesGroup pet = choosePet(series, sourceRef);
    DicomSeriesGroup ct = chooseCt(series, pet, sourceRef);
    DicomSeriesGroup label = chooseLabel(series, pet, ct, sourceRef);

    List<ChannelSource> channels = new ArrayList<>();
    boolean gml = "GML".equalsIgnoreCase(String.valueOf(pet.first().units()).trim());
    channels.add(new ChannelSource("PET", "SUV", ChannelSource.Format.DICOM_SERIES, pet.paths(),
        gml ? ChannelSource.Role.PET_SUV : ChannelSource.Role.PET_RAW));
    if (ct != null) {
      channels.add(new ChannelSource("CT", "HU", ChannelSource.Format.DICOM_SERIES, ct.paths(),
          ChannelSource.Role.CT));
    } else {
      LOG.info("dicom scan: study {}: no CT image series, PET only", sourceRef);
    }
    List<LabelSource> labels = label == null ? List.of() : List.of(new LabelSource(LABEL_NAME,
        label.modality().equals("SEG") ? ChannelSource.Format.DICOM_SEG : ChannelSource.Format.DICOM_RTSTRUCT,
        label.paths()));
    for (DicomSeriesGroup g : series) {
      if (g != pet && g != ct && g != label) {
        LOG.info("dicom scan: study {}: ignored {}", sourceRef, g);
      }
    }
    return new StudySource(cohort, sourceRef, patientId, pet.first().studyUid(), KIND, channels, labels, null, null,
        null, Map.of());
  }

  /** The first attenuation-corrected PT image series by SeriesNumber, else the first. */
  private static DicomSeriesGroup choosePet(List<DicomSeriesGroup> series, String sourceRef)
      throws StudyRejectedException {
    List<DicomSeriesGroup> pets = images(series, "PT").toList();
    if (pets.isEmpty()) {
      throw new StudyRejectedException("no PET (PT) image series among " + series.stream()
          .map(DicomSeriesGroup::toString).collect(Collectors.joining(", ")));
    }
    return chosen(sourceRef, "PET", pets, Comparator.comparing(g -> !g.first().attenuationCorrected()));
  }

  /** The first non-localizer CT image series in the PET's frame of reference, else any; null when none. */
  private static DicomSeriesGroup chooseCt(List<DicomSeriesGroup> series, DicomSeriesGroup pet, String sourceRef) {
    List<DicomSeriesGroup> cts = images(series, "CT").filter(g -> !g.first().localizer()).toList();
    return cts.isEmpty() ? null : chosen(sourceRef, "CT", cts, Comparator.comparing(
        g -> !Objects.equals(g.first().frameOfReferenceUid(), pet.first().frameOfReferenceUid())));
  }

  /** The RTSTRUCT or SEG annotating the PET, else the CT, else the first; null when none. */
  private static DicomSeriesGroup chooseLabel(List<DicomSeriesGroup> series, DicomSeriesGroup pet,
      DicomSeriesGroup ct, String sourceRef) {
    List<DicomSeriesGroup> annotations = series.stream()
        .filter(g -> g.modality().equals("RTSTRUCT") || g.modality().equals("SEG")).toList();
    return annotations.isEmpty() ? null : chosen(sourceRef, "label " + LABEL_NAME, annotations,
        Comparator.comparingInt(g -> annotationRank(g, pet, ct)));
  }

  /** The least of {@code candidates} by {@code preference}, then SeriesNumber; logged when there was a choice. */
  private static DicomSeriesGroup chosen(String sourceRef, String role, List<DicomSeriesGroup> candidates,
      Comparator<DicomSeriesGroup> preference) {
    DicomSeriesGroup best = candidates.stream().min(preference.thenComparing(DicomSeriesGroup.BY_SERIES_NUMBER))
        .orElseThrow();
    if (candidates.size() > 1) {
      LOG.info("dicom scan: study {}: {} candidate series for {}; using {}", sourceRef, candidates.size(), role, best);
    }
    return best;
  }

  private static Stream<DicomSeriesGroup> images(List<DicomSeriesGroup> series, String modality) {
    return series.stream().filter(g -> g.modality().equals(modality) && g.first().image());
  }

  /** 0: annotates the PET series, 1: annotates the CT series (if any), 2: anything else. */
  private static int annotationRank(DicomSeriesGroup annotation, DicomSeriesGroup pet, DicomSeriesGroup ct) {
    List<String> referenced = annotation.first().referencedSeriesUids();
    return referenced.contains(pet.seriesUid()) ? 0 : ct != null && referenced.contains(ct.seriesUid()) ? 1 : 2;
  }

  /** The one non-empty PatientID of every file. */
  private static String patientId(List<DicomInstanceHeader> instances) throws StudyRejectedException {
    List<String> ids = instances.stream().map(DicomInstanceHeader::patientId).distinct().toList();
    if (ids.size() > 1) {
      throw new StudyRejectedException("the files of one study carry " + ids.size() + " different PatientIDs");
    }
    if (ids.get(0) == null || ids.get(0).isBlank()) {
      throw new StudyRejectedException("no PatientID in " + instances.get(0).fileName()
          + ": a study cannot be pseudonymised without it");
    }
    return ids.get(0);
  }
}
