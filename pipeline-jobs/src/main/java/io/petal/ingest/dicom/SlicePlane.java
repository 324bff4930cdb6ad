package io.petal.ingest.dicom;

/**
 * One image plane of a DICOM series as its header places it in patient space (LPS+, mm): a
 * single-frame file, or one frame of a multi-frame (enhanced) file.
 *
 * @param fileIndex        index of the file in the series' file list
 * @param frame            0-based frame of that file holding the plane's pixels
 * @param source           the file's name, with " frame N" (1-based) for a multi-frame file: what
 *                         error messages show of the plane
 * @param position         ImagePositionPatient: centre of the first transmitted pixel, mm
 * @param rowCosines       direction of a row (increasing column index), unit vector
 * @param columnCosines    direction of a column (increasing row index), unit vector
 * @param rowSpacingMm     PixelSpacing[0]: distance between adjacent rows, mm
 * @param columnSpacingMm  PixelSpacing[1]: distance between adjacent columns, mm
 * @param rows             Rows (pixels along a column)
 * @param columns          Columns (pixels along a row)
 */
public record SlicePlane(int fileIndex, int frame, String source, double[] position, double[] rowCosines,
    double[] columnCosines, double rowSpacingMm, double columnSpacingMm, int rows, int columns) {

  /** The unit slice normal, row cosines × column cosines. */
  public double[] normal() {
    double[] r = rowCosines;
    double[] c = columnCosines;
    double[] n = {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
    double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    return new double[] {n[0] / len, n[1] / len, n[2] / len};
  }

  /** Position of this plane along {@code normal} (mm): the dot product with ImagePositionPatient. */
  public double along(double[] normal) {
    return position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
  }
}
