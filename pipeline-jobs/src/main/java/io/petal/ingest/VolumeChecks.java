package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.Locale;

/** Sanity checks on loaded volumes; each failure names the channel or file and the problem. */
final class VolumeChecks {
  private VolumeChecks() {}

  /** Rejects NaN or infinite voxels. */
  static void requireFinite(Volume v, String what) throws StudyRejectedException {
    float[] d = v.data();
    int bad = 0;
    int first = -1;
    for (int i = 0; i < d.length; i++) {
      if (!Float.isFinite(d[i])) {
        if (bad++ == 0) {
          first = i;
        }
      }
    }
    if (bad > 0) {
      ImageGrid g = v.grid();
      int i = first % g.nx(), j = (first / g.nx()) % g.ny(), k = first / g.sliceSize();
      throw new StudyRejectedException(String.format(Locale.ROOT,
          "%s has %d NaN or infinite voxel(s), the first at voxel (%d, %d, %d)", what, bad, i, j, k));
    }
  }

  /** Rejects zero, negative or non-finite spacing along any axis. */
  static void requireSpacing(ImageGrid g, String what) throws StudyRejectedException {
    for (int a = 0; a < 3; a++) {
      double s = g.spacing(a);
      if (!(s > 1e-6) || !Double.isFinite(s)) {
        throw new StudyRejectedException(String.format(Locale.ROOT,
            "%s has voxel spacing %.4g mm along axis %d: spacing must be positive", what, s, a));
      }
    }
  }

  /** Rejects label maps holding values other than non-negative integers up to 255. */
  static void requireLabelValues(Volume v, String what) throws StudyRejectedException {
    for (float f : v.data()) {
      if (!(f >= 0 && f <= 255 && (int) f == f)) {
        throw new StudyRejectedException(what + " holds the value " + f
            + "; a label map must hold integers 0..255 (0 = background)");
      }
    }
  }
}
