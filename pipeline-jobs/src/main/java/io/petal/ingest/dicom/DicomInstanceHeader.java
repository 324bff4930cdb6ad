package io.petal.ingest.dicom;

import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomTags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What discovery and series checks need of one DICOM file's header. Holds the source patient id
 * and UIDs in memory only: {@link #toString()} leaves them out, and so must every message.
 *
 * @param path              where the file lies (any Hadoop path)
 * @param patientId         PatientID, or null
 * @param studyUid          StudyInstanceUID, or null
 * @param seriesUid         SeriesInstanceUID, or null
 * @param modality          Modality (PT, CT, MR, RTSTRUCT, SEG, ...), upper case, or "" when absent
 * @param seriesNumber      SeriesNumber, or {@link Integer#MAX_VALUE} when absent
 * @param frameOfReferenceUid FrameOfReferenceUID, or null
 * @param image             true when the file has Rows and Columns (an image, not a structure set)
 * @param units             PET Units (BQML, CNTS, GML, ...), or null
 * @param attenuationCorrected CorrectedImage includes ATTN
 * @param localizer         ImageType includes LOCALIZER (a CT scout)
 * @param referencedSeriesUids series an RTSTRUCT or SEG annotates (RTReferencedSeriesSequence,
 *                          ReferencedSeriesSequence); empty for images
 */
public record DicomInstanceHeader(String path, String patientId, String studyUid, String seriesUid, String modality,
    int seriesNumber, String frameOfReferenceUid, boolean image, String units, boolean attenuationCorrected,
    boolean localizer, List<String> referencedSeriesUids) {

  public DicomInstanceHeader {
    referencedSeriesUids = List.copyOf(referencedSeriesUids);
  }

  /** The header values of dataset {@code ds} read from {@code path}. */
  public static DicomInstanceHeader of(String path, DicomObject ds) throws DicomFormatException {
    return new DicomInstanceHeader(path, ds.getString(DicomTags.PATIENT_ID), ds.getString(DicomTags.STUDY_INSTANCE_UID),
        ds.getString(DicomTags.SERIES_INSTANCE_UID), ds.getString(DicomTags.MODALITY, "").toUpperCase(Locale.ROOT),
        ds.getInt(DicomTags.SERIES_NUMBER, Integer.MAX_VALUE), ds.getString(DicomTags.FRAME_OF_REFERENCE_UID),
        ds.has(DicomTags.ROWS) && ds.has(DicomTags.COLUMNS), ds.getString(DicomTags.UNITS),
        contains(ds.getStrings(DicomTags.CORRECTED_IMAGE), "ATTN"),
        contains(ds.getStrings(DicomTags.IMAGE_TYPE), "LOCALIZER"), referencedSeries(ds));
  }

  /** The file name (last path segment). */
  public String fileName() {
    return SlicePlanes.fileName(path);
  }

  /** RTSTRUCT: every RTReferencedSeriesSequence entry; SEG and others: ReferencedSeriesSequence. */
  private static List<String> referencedSeries(DicomObject ds) throws DicomFormatException {
    List<String> out = new ArrayList<>();
    for (DicomObject frame : ds.getSequence(DicomTags.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE)) {
      for (DicomObject study : frame.getSequence(DicomTags.RT_REFERENCED_STUDY_SEQUENCE)) {
        for (DicomObject series : study.getSequence(DicomTags.RT_REFERENCED_SERIES_SEQUENCE)) {
          addIfPresent(out, series.getString(DicomTags.SERIES_INSTANCE_UID));
        }
      }
    }
    for (DicomObject series : ds.getSequence(DicomTags.REFERENCED_SERIES_SEQUENCE)) {
      addIfPresent(out, series.getString(DicomTags.SERIES_INSTANCE_UID));
    }
    return out;
  }

  private static void addIfPresent(List<String> out, String uid) {
    if (uid != null) {
      out.add(uid);
    }
  }

  private static boolean contains(String[] values, String wanted) {
    return Arrays.stream(values).anyMatch(v -> v.equalsIgnoreCase(wanted));
  }

  /** Modality, series number and file name: no id or UID. */
  @Override
  public String toString() {
    return modality + " series " + (seriesNumber == Integer.MAX_VALUE ? "?" : seriesNumber) + " file " + fileName();
  }
}
