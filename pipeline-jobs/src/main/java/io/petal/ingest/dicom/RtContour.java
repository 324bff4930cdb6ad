package io.petal.ingest.dicom;

/**
 * One item of an RTSTRUCT ContourSequence (3006,0040).
 *
 * @param number 1-based position of the contour in its ROI's ContourSequence, for messages
 * @param geometricType ContourGeometricType (3006,0042): CLOSED_PLANAR, OPEN_PLANAR, OPEN_NONPLANAR
 *     or POINT
 * @param pointsMm ContourData (3006,0050): x, y, z triplets in patient LPS+ millimetres, length
 *     3 × number of points; shared, not copied
 */
public record RtContour(int number, String geometricType, double[] pointsMm) {
  /** The geometric type of a filled polygon, the only kind rasterised. */
  public static final String CLOSED_PLANAR = "CLOSED_PLANAR";

  /** True for a closed planar polygon. */
  public boolean isClosedPlanar() {
    return CLOSED_PLANAR.equals(geometricType);
  }

  /** Number of points (ContourData values / 3). */
  public int pointCount() {
    return pointsMm.length / 3;
  }
}
