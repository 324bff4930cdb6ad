package io.petal.ingest.dicom;

import java.util.List;

/**
 * One region of interest of an RT Structure Set with its contours.
 *
 * @param number ROINumber (3006,0022)
 * @param name ROIName (3006,0026); empty when the file gives none
 * @param frameOfReferenceUid ReferencedFrameOfReferenceUID (3006,0024) of the ROI; null when absent
 * @param contours the items of the ROI's ContourSequence, in file order; empty for an ROI without
 *     contours
 */
public record RtRoi(int number, String name, String frameOfReferenceUid, List<RtContour> contours) {
  public RtRoi {
    contours = List.copyOf(contours);
  }
}
