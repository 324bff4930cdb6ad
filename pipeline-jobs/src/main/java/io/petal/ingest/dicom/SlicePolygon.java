package io.petal.ingest.dicom;

/**
 * A closed polygon lying in one slice of a grid, in the grid's continuous voxel index space:
 * vertex v is at column index {@code x[v]} (along i) and row index {@code y[v]} (along j); voxel
 * (i, j) has its centre at (i, j). The last vertex connects back to the first.
 *
 * @param slice the slice index k the polygon is drawn on
 * @param x vertex column indices (fractional), shared, not copied
 * @param y vertex row indices (fractional), same length as {@code x}
 */
record SlicePolygon(int slice, double[] x, double[] y) {
  SlicePolygon {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
    }
  }

  /** Number of vertices. */
  int size() {
    return x.length;
  }
}
