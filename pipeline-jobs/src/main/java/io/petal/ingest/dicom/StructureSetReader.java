package io.petal.ingest.dicom;

import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ROIs and their contours from an RT Structure Set: names and frames of reference from
 * StructureSetROISequence (3006,0020), contours from ROIContourSequence (3006,0039) linked by
 * ReferencedROINumber (3006,0084).
 *
 * <p>Rejected (with the file and the reason): a file that is not an RTSTRUCT, a missing
 * StructureSetROISequence or ROIContourSequence, a contour set referring to an ROI number the
 * structure set does not define, a contour without ContourGeometricType, and ContourData whose
 * value count is not a multiple of 3 or that holds non-finite numbers. A NumberOfContourPoints
 * that disagrees with ContourData is only logged: the coordinates are what is drawn.
 */
public final class StructureSetReader {
  /** SOP Class UID of RT Structure Set Storage. */
  public static final String RT_STRUCTURE_SET_STORAGE = "1.2.840.10008.5.1.4.1.1.481.3";
  private static final Logger LOG = LoggerFactory.getLogger(StructureSetReader.class);

  private StructureSetReader() {}

  /** The ROIs of {@code rtstruct} in StructureSetROISequence order. */
  public static List<RtRoi> read(DicomFile rtstruct) throws StudyRejectedException {
    String source = rtstruct.source();
    try {
      DicomObject ds = rtstruct.dataset();
      requireRtStruct(ds, source);
      Map<Integer, DicomObject> declared = declaredRois(ds, source);
      Map<Integer, List<RtContour>> contours = contoursByRoi(ds, declared, source);
      List<RtRoi> rois = new ArrayList<>();
      for (Map.Entry<Integer, DicomObject> e : declared.entrySet()) {
        DicomObject item = e.getValue();
        rois.add(new RtRoi(e.getKey(), item.getString(DicomTags.ROI_NAME, ""),
            item.getString(DicomTags.REFERENCED_FRAME_OF_REFERENCE_UID),
            contours.getOrDefault(e.getKey(), List.of())));
      }
      return rois;
    } catch (DicomFormatException e) {
      throw new StudyRejectedException(e.getMessage(), e);
    }
  }

  private static void requireRtStruct(DicomObject ds, String source)
      throws DicomFormatException, StudyRejectedException {
    String sopClass = ds.getString(DicomTags.SOP_CLASS_UID, "");
    String modality = ds.getString(DicomTags.MODALITY, "");
    if (!RT_STRUCTURE_SET_STORAGE.equals(sopClass) && !"RTSTRUCT".equalsIgnoreCase(modality)) {
      throw new StudyRejectedException(source + ": not an RT Structure Set (Modality '" + modality
          + "', SOP class '" + sopClass + "')");
    }
  }

  private static Map<Integer, DicomObject> declaredRois(DicomObject ds, String source)
      throws DicomFormatException, StudyRejectedException {
    if (!ds.has(DicomTags.STRUCTURE_SET_ROI_SEQUENCE)) {
      throw new StudyRejectedException(source
          + ": has no StructureSetROISequence (3006,0020): the ROIs are not declared");
    }
    Map<Integer, DicomObject> declared = new LinkedHashMap<>();
    for (DicomObject item : ds.getSequence(DicomTags.STRUCTURE_SET_ROI_SEQUENCE)) {
      int number = item.requireInt(DicomTags.ROI_NUMBER);
      if (declared.putIfAbsent(number, item) != null) {
        throw new StudyRejectedException(source + ": ROINumber " + number
            + " is declared twice in StructureSetROISequence");
      }
    }
    return declared;
  }

  private static Map<Integer, List<RtContour>> contoursByRoi(DicomObject ds,
      Map<Integer, DicomObject> declared, String source)
      throws DicomFormatException, StudyRejectedException {
    if (!ds.has(DicomTags.ROI_CONTOUR_SEQUENCE)) {
      throw new StudyRejectedException(source
          + ": has no ROIContourSequence (3006,0039): there are no contours to rasterise");
    }
    Map<Integer, List<RtContour>> byRoi = new LinkedHashMap<>();
    for (DicomObject roiContour : ds.getSequence(DicomTags.ROI_CONTOUR_SEQUENCE)) {
      int number = roiContour.requireInt(DicomTags.REFERENCED_ROI_NUMBER);
      if (!declared.containsKey(number)) {
        throw new StudyRejectedException(source + ": ROIContourSequence refers to ROI number "
            + number + ", which StructureSetROISequence does not declare (it declares "
            + declared.keySet() + ")");
      }
      String roi = "ROI " + number + " '" + declared.get(number).getString(DicomTags.ROI_NAME, "")
          + "'";
      List<RtContour> list = byRoi.computeIfAbsent(number, n -> new ArrayList<>());
      List<DicomObject> items = roiContour.getSequence(DicomTags.CONTOUR_SEQUENCE);
      for (int c = 0; c < items.size(); c++) {
        list.add(contour(items.get(c), list.size() + 1, source + ": " + roi));
      }
    }
    return byRoi;
  }

  private static RtContour contour(DicomObject item, int number, String where)
      throws DicomFormatException, StudyRejectedException {
    String what = where + " contour " + number;
    String type = item.getString(DicomTags.CONTOUR_GEOMETRIC_TYPE);
    if (type == null) {
      throw new StudyRejectedException(what + " has no ContourGeometricType (3006,0042)");
    }
    double[] points = item.getDoubles(DicomTags.CONTOUR_DATA);
    if (points.length % 3 != 0) {
      throw new StudyRejectedException(String.format(Locale.ROOT,
          "%s has %d ContourData values, not a multiple of 3 (x\\y\\z triplets)", what,
          points.length));
    }
    for (double v : points) {
      if (!Double.isFinite(v)) {
        throw new StudyRejectedException(what + " has a non-finite ContourData value " + v);
      }
    }
    int declaredPoints = item.getInt(DicomTags.NUMBER_OF_CONTOUR_POINTS, points.length / 3);
    if (declaredPoints != points.length / 3) {
      LOG.warn("{} declares {} NumberOfContourPoints but ContourData holds {}; using ContourData",
          what, declaredPoints, points.length / 3);
    }
    return new RtContour(number, type.toUpperCase(Locale.ROOT), points);
  }
}
