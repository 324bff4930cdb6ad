package io.petal.ingest.dicom;

import io.petal.ingest.ChannelSource;
import io.petal.ingest.LabelSource;
import io.petal.ingest.StudyRejectedException;
import io.petal.ingest.StudySource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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
 * </ul>
 *
 * Every file must carry the same, non-empty PatientID. Log lines and messages name series by
 * modality, number and file name, never by an id or UID.
 */
final class DicomStudyRouter {
  private static final Logger LOG = LoggerFactory.getLogger(DicomStudyRouter.class);
  /** Name of the label source routed from an RTSTRUCT or SEG. */
  static final String LABEL_NAME = "seg";
  /** Study kind of every DICOM study found. */
  static final String KIND = "pet-ct";

  private DicomStudyRouter() {}

  /**
   * The study made of {@code instances} (all with one StudyInstanceUID).
   *
   * @param sourceRef where the study lies relative to the input root; used in log lines
   * @throws StudyRejectedException when there is no PET series or the PatientID is missing or not
   *     unique
   */
  static StudySource route(List<DicomInstanceHeader> instances, String cohort, String sourceRef)
      throws StudyRejectedException {
    String patientId = patientId(instances);
    List<DicomSeriesGroup> series = DicomSeriesGroup.of(instances);
    List<DicomSeriesGroup> used = new ArrayList<>();

    List<DicomSeriesGroup> pets = images(series, "PT").toList();
    if (pets.isEmpty()) {
      throw new StudyRejectedException("no PET (PT) image series among " + series.stream()
          .map(DicomSeriesGroup::toString).collect(Collectors.joining(", ")));
    }
    DicomSeriesGroup pet = pets.stream()
        .min(Comparator.comparing((DicomSeriesGroup g) -> !g.first().attenuationCorrected())
            .thenComparing(DicomSeriesGroup.BY_SERIES_NUMBER)).orElseThrow();
    used.add(pet);
    noteChoice(sourceRef, "PET", pet, pets);
    List<ChannelSource> channels = new ArrayList<>();
    boolean gml = "GML".equalsIgnoreCase(String.valueOf(pet.first().units()).trim());
    channels.add(new ChannelSource("PET", "SUV", ChannelSource.Format.DICOM_SERIES, pet.paths(),
        gml ? ChannelSource.Role.PET_SUV : ChannelSource.Role.PET_RAW));

    List<DicomSeriesGroup> cts = images(series, "CT").filter(g -> !g.first().localizer()).toList();
    DicomSeriesGroup ct = cts.stream()
        .min(Comparator.comparing((DicomSeriesGroup g) ->
                !Objects.equals(g.first().frameOfReferenceUid(), pet.first().frameOfReferenceUid()))
            .thenComparing(DicomSeriesGroup.BY_SERIES_NUMBER)).orElse(null);
    if (ct != null) {
      used.add(ct);
      noteChoice(sourceRef, "CT", ct, cts);
      channels.add(new ChannelSource("CT", "HU", ChannelSource.Format.DICOM_SERIES, ct.paths(),
          ChannelSource.Role.CT));
    } else {
      LOG.info("dicom scan: study {}: no CT image series, PET only", sourceRef);
    }

    List<DicomSeriesGroup> annotations = series.stream()
        .filter(g -> g.modality().equals("RTSTRUCT") || g.modality().equals("SEG")).toList();
    DicomSeriesGroup label = annotations.stream()
        .min(Comparator.comparingInt((DicomSeriesGroup g) -> references(g, pet) ? 0 : ct != null && references(g, ct) ? 1 : 2)
            .thenComparing(DicomSeriesGroup.BY_SERIES_NUMBER)).orElse(null);
    List<LabelSource> labels = new ArrayList<>();
    if (label != null) {
      used.add(label);
      noteChoice(sourceRef, "label " + LABEL_NAME, label, annotations);
      labels.add(new LabelSource(LABEL_NAME, label.modality().equals("SEG") ? ChannelSource.Format.DICOM_SEG
          : ChannelSource.Format.DICOM_RTSTRUCT, label.paths()));
    }
    for (DicomSeriesGroup g : series) {
      if (!used.contains(g)) {
        LOG.info("dicom scan: study {}: ignored {}", sourceRef, g);
      }
    }
    return new StudySource(cohort, sourceRef, patientId, pet.first().studyUid(), KIND, channels, labels, null, null,
        null, Map.of());
  }

  private static java.util.stream.Stream<DicomSeriesGroup> images(List<DicomSeriesGroup> series, String modality) {
    return series.stream().filter(g -> g.modality().equals(modality) && g.first().image());
  }

  private static boolean references(DicomSeriesGroup annotation, DicomSeriesGroup image) {
    return annotation.first().referencedSeriesUids().contains(image.seriesUid());
  }

  private static void noteChoice(String sourceRef, String role, DicomSeriesGroup chosen,
      List<DicomSeriesGroup> candidates) {
    if (candidates.size() > 1) {
      LOG.info("dicom scan: study {}: {} candidate series for {}; using {}", sourceRef, candidates.size(), role,
          chosen);
    }
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
