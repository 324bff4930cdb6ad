package io.petal.ingest.dicom;

import io.petal.io.dicom.DicomElement;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.PrivateTag;
import io.petal.suv.PetSuvHeader;
import io.petal.suv.PetSuvHeaderAdapter;
import io.petal.suv.SuvException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link PetSuvHeader} of a PET series from the DICOM attributes of all its instances.
 *
 * <p>Each instance becomes a keyword-to-raw-value map handed to {@link
 * PetSuvHeaderAdapter#fromInstances}, which also checks that series-level values agree across
 * instances. The radiopharmaceutical attributes (RadiopharmaceuticalStartTime, -StartDateTime,
 * RadionuclideTotalDose, RadionuclideHalfLife) are taken from the first item of
 * RadiopharmaceuticalInformationSequence (0054,0016), where the standard puts them, and from the
 * top level only where the item lacks them. The vendor private attributes are found through their
 * creators: Philips (7053,xx00) SUV scale factor and (7053,xx09) activity concentration scale
 * factor, GE (0009,xx0D) post-injection date-time.
 */
public final class PetSuvHeaders {
  /** Attributes read from the top level of each instance, by keyword. */
  private static final Map<String, Integer> TOP_LEVEL = Map.ofEntries(
      Map.entry("Manufacturer", DicomTags.MANUFACTURER),
      Map.entry("Units", DicomTags.UNITS),
      Map.entry("DecayCorrection", DicomTags.DECAY_CORRECTION),
      Map.entry("CorrectedImage", DicomTags.CORRECTED_IMAGE),
      Map.entry("PatientWeight", DicomTags.PATIENT_WEIGHT),
      Map.entry("PatientSize", DicomTags.PATIENT_SIZE),
      Map.entry("PatientSex", DicomTags.PATIENT_SEX),
      Map.entry("SeriesDate", DicomTags.SERIES_DATE),
      Map.entry("SeriesTime", DicomTags.SERIES_TIME),
      Map.entry("AcquisitionDate", DicomTags.ACQUISITION_DATE),
      Map.entry("AcquisitionTime", DicomTags.ACQUISITION_TIME),
      Map.entry("FrameReferenceTime", DicomTags.FRAME_REFERENCE_TIME),
      Map.entry("ActualFrameDuration", DicomTags.ACTUAL_FRAME_DURATION));
  /** Attributes of the RadiopharmaceuticalInformationSequence item, by keyword. */
  private static final Map<String, Integer> RADIOPHARMACEUTICAL = Map.of(
      "RadiopharmaceuticalStartTime", DicomTags.RADIOPHARMACEUTICAL_START_TIME,
      "RadiopharmaceuticalStartDateTime", DicomTags.RADIOPHARMACEUTICAL_START_DATE_TIME,
      "RadionuclideTotalDose", DicomTags.RADIONUCLIDE_TOTAL_DOSE,
      "RadionuclideHalfLife", DicomTags.RADIONUCLIDE_HALF_LIFE);
  /** Private attributes, by the flat keys {@link PetSuvHeaderAdapter} reads. */
  private static final Map<String, PrivateTag> PRIVATE = Map.of(
      PetSuvHeaderAdapter.PHILIPS_SUV_SCALE_FACTOR_TAG, DicomTags.PHILIPS_SUV_SCALE_FACTOR,
      PetSuvHeaderAdapter.PHILIPS_ACTIVITY_CONCENTRATION_TAG, DicomTags.PHILIPS_ACTIVITY_CONCENTRATION_SCALE_FACTOR,
      PetSuvHeaderAdapter.GE_POST_INJECTION_TAG, DicomTags.GE_POST_INJECTION_DATE_TIME);

  private PetSuvHeaders() {}

  /**
   * The header of the series made of {@code instances}; the header's instances follow the list's
   * order.
   *
   * @throws SuvException when a series-level value differs between instances or a value is malformed
   */
  public static PetSuvHeader of(List<DicomFile> instances) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (DicomFile f : instances) {
      try {
        maps.add(keywordMap(f.dataset()));
      } catch (DicomFormatException e) {
        throw new SuvException("PET header", e.getMessage());
      }
    }
    return PetSuvHeaderAdapter.fromInstances(maps);
  }

  /** The SUV-relevant raw values of one instance, keyed as {@link PetSuvHeaderAdapter} expects. */
  static Map<String, Object> keywordMap(DicomObject ds) throws DicomFormatException {
    Map<String, Object> m = new HashMap<>();
    for (Map.Entry<String, Integer> e : TOP_LEVEL.entrySet()) {
      putIfPresent(m, e.getKey(), ds.getString(e.getValue()));
    }
    DicomObject item = ds.getItem(DicomTags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, 0);
    for (Map.Entry<String, Integer> e : RADIOPHARMACEUTICAL.entrySet()) {
      String v = item == null ? null : item.getString(e.getValue());
      putIfPresent(m, e.getKey(), v != null ? v : ds.getString(e.getValue()));
    }
    for (Map.Entry<String, PrivateTag> e : PRIVATE.entrySet()) {
      DicomElement el = ds.getPrivate(e.getValue());
      putIfPresent(m, e.getKey(), el == null || el.isEmpty() ? null : el.getString());
    }
    return m;
  }

  private static void putIfPresent(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isBlank()) {
      m.put(key, value);
    }
  }
}
