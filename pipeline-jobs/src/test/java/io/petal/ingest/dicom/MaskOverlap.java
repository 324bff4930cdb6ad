package io.petal.ingest.dicom;

import io.petal.image.Volume;

/** Overlap of two binary masks on the same grid (voxels > 0.5 count as inside). */
final class MaskOverlap {
  private MaskOverlap() {}

  /** Dice coefficient 2|A∩B| / (|A| + |B|); 1 when both masks are empty. */
  static double dice(Volume a, Volume b) {
    if (!a.grid().sameGeometry(b.grid(), 1e-6)) {
      throw new IllegalArgumentException("masks lie on different grids: " + a.grid() + " vs "
          + b.grid());
    }
    float[] x = a.data();
    float[] y = b.data();
    long both = 0;
    long sum = 0;
    for (int v = 0; v < x.length; v++) {
      boolean inA = x[v] > 0.5f;
      boolean inB = y[v] > 0.5f;
      sum += (inA ? 1 : 0) + (inB ? 1 : 0);
      both += inA && inB ? 1 : 0;
    }
    return sum == 0 ? 1.0 : 2.0 * both / sum;
  }

  /** Number of voxels above 0.5. */
  static long count(Volume v) {
    long n = 0;
    for (float f : v.data()) {
      n += f > 0.5f ? 1 : 0;
    }
    return n;
  }

  /** Number of voxels inside exactly one of the two masks. */
  static long differing(Volume a, Volume b) {
    float[] x = a.data();
    float[] y = b.data();
    long n = 0;
    for (int v = 0; v < x.length; v++) {
      n += (x[v] > 0.5f) != (y[v] > 0.5f) ? 1 : 0;
    }
    return n;
  }
}
