package io.petal.ingest.dicom;

import java.util.Arrays;
import java.util.List;

/**
 * Fills the interior of a set of polygons on one slice at voxel centres, by the even-odd rule
 * over all of them together: a voxel centre is inside when a ray from it crosses the polygons'
 * edges an odd number of times. A contour inside another is thus a hole, a contour inside a hole
 * an island, and overlapping contours cancel where they overlap.
 *
 * <p>Scanline implementation: for each row j the crossings of all edges with the line y = j are
 * sorted, and the voxels between the 1st and 2nd, 3rd and 4th, ... crossing are filled. Edges
 * cover the half-open row range [min y, max y) and a span the half-open column range
 * [x in, x out), so a voxel centre exactly on a polygon's low-index boundary (small i or j) is
 * inside and one on its high-index boundary is outside; two polygons sharing an edge fill every
 * centre once. Cost: O(edges + filled voxels) per row within the polygons' row range.
 */
final class EvenOddScanline {
  private EvenOddScanline() {}

  /**
   * Sets {@code inside[i + nx * j]} for every voxel centre (i, j) of an {@code nx} × {@code ny}
   * slice that lies inside {@code polygons} (vertices in voxel index units; parts outside the
   * slice are clipped). Other entries are left as they are.
   */
  static void fill(List<SlicePolygon> polygons, int nx, int ny, boolean[] inside) {
    Edges edges = Edges.of(polygons);
    if (edges.count == 0) {
      return;
    }
    int jFirst = Math.max(0, (int) Math.ceil(edges.yMin));
    int jLast = Math.min(ny - 1, (int) Math.ceil(edges.yMax) - 1);
    double[] crossings = new double[edges.count];
    for (int j = jFirst; j <= jLast; j++) {
      int n = edges.crossings(j, crossings);
      Arrays.sort(crossings, 0, n);
      for (int c = 0; c + 1 < n; c += 2) {
        int iFirst = Math.max(0, (int) Math.ceil(crossings[c]));
        int iLast = Math.min(nx - 1, (int) Math.ceil(crossings[c + 1]) - 1);
        if (iFirst <= iLast) {
          Arrays.fill(inside, iFirst + nx * j, iLast + 1 + nx * j, true);
        }
      }
    }
  }

  /** The non-horizontal edges of all polygons, as parallel arrays. */
  private static final class Edges {
    private final double[] x0;
    private final double[] y0;
    private final double[] x1;
    private final double[] y1;
    private int count;
    private double yMin = Double.POSITIVE_INFINITY;
    private double yMax = Double.NEGATIVE_INFINITY;

    private Edges(int capacity) {
      x0 = new double[capacity];
      y0 = new double[capacity];
      x1 = new double[capacity];
      y1 = new double[capacity];
    }

    static Edges of(List<SlicePolygon> polygons) {
      int capacity = 0;
      for (SlicePolygon p : polygons) {
        capacity += p.size();
      }
      Edges e = new Edges(capacity);
      for (SlicePolygon p : polygons) {
        int n = p.size();
        for (int v = 0; v < n; v++) {
          int w = (v + 1) % n;
          e.add(p.x()[v], p.y()[v], p.x()[w], p.y()[w]);
        }
      }
      return e;
    }

    private void add(double ax, double ay, double bx, double by) {
      if (ay == by) {
        return; // a horizontal edge never crosses a scanline under the half-open rule
      }
      x0[count] = ax;
      y0[count] = ay;
      x1[count] = bx;
      y1[count] = by;
      count++;
      yMin = Math.min(yMin, Math.min(ay, by));
      yMax = Math.max(yMax, Math.max(ay, by));
    }

    /** Writes the x of every edge crossing row y into {@code out}; returns how many. */
    int crossings(double y, double[] out) {
      int n = 0;
      for (int e = 0; e < count; e++) {
        if ((y0[e] <= y) != (y1[e] <= y)) {
          out[n++] = x0[e] + (y - y0[e]) * (x1[e] - x0[e]) / (y1[e] - y0[e]);
        }
      }
      return n;
    }
  }
}
