package io.petal.models.seg;

/**
 * One synthetic lesion: an ellipsoid with one half-axis along the slice normal and the other two
 * rotated in the slice plane.
 *
 * @param centreX column of the lesion centre, pixels
 * @param centreY row of the lesion centre, pixels
 * @param centreOffsetMm position of the lesion centre along the slice normal relative to the centre
 *     slice, mm (slice k lies at (k − centre)·sliceSpacing)
 * @param halfAxisUMm half-axis along the in-plane direction at {@code angle} from +x, mm
 * @param halfAxisVMm half-axis along the in-plane direction perpendicular to it, mm
 * @param halfAxisZMm half-axis along the slice normal, mm
 * @param angle rotation of the U axis from the +x axis towards +y, radians
 * @param contrast lesion SUV ÷ local background SUV (before texture)
 * @param backgroundSuv local background: median SUV of the body pixels of the lesion's
 *     centre-slice cross-section before insertion
 * @param ctDeltaHu CT change in the lesion, HU
 */
public record InsertedLesion(int centreX, int centreY, double centreOffsetMm, double halfAxisUMm, double halfAxisVMm,
    double halfAxisZMm, double angle, double contrast, double backgroundSuv, double ctDeltaHu) {

  /**
   * Normalised ellipsoid distance of a point given relative to the lesion centre in mm (x, y in the
   * slice plane, z along the normal): 1 on the surface, below 1 inside.
   */
  public double distance(double xMm, double yMm, double zMm) {
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double u = (xMm * cos + yMm * sin) / halfAxisUMm;
    double v = (-xMm * sin + yMm * cos) / halfAxisVMm;
    double w = zMm / halfAxisZMm;
    return Math.sqrt(u * u + v * v + w * w);
  }

  /** Largest half-axis, mm. */
  public double maxHalfAxisMm() {
    return Math.max(halfAxisUMm, Math.max(halfAxisVMm, halfAxisZMm));
  }
}
