package io.petal.synth.bone;

import java.util.List;

/**
 * Projects tracer sources onto the two views: each pixel centre gets, per view, the sum over
 * sources of path length × concentration × transmission to that view's detector. Both views come
 * out in the anterior orientation (column 0 on the patient's right), row 0 at the top of the
 * field of view. Noise-free, in relative units.
 */
final class PlanarProjector {
  private PlanarProjector() {}

  /** [view][pixel] (x fastest) of {@code sources} on the views of {@code cfg}. */
  static float[][] project(List<UptakeSource> sources, BoneScanConfig cfg) {
    int cols = cfg.columns();
    float[][] out = new float[BoneScanView.values().length][cols * cfg.rows()];
    double s = cfg.pixelSpacingMm();
    for (UptakeSource src : sources) {
      double[] b = src.shape().bounds();
      int i0 = Math.max(0, (int) Math.floor(b[0] / s + (cols - 1) / 2.0));
      int i1 = Math.min(cols - 1, (int) Math.ceil(b[1] / s + (cols - 1) / 2.0));
      int j0 = Math.max(0, (int) Math.floor((b[2] + BoneScanConfig.TOP_MARGIN_MM) / s));
      int j1 = Math.min(cfg.rows() - 1, (int) Math.ceil((b[3] + BoneScanConfig.TOP_MARGIN_MM) / s));
      double ant = src.concentration() * src.transmission(BoneScanView.ANTERIOR);
      double post = src.concentration() * src.transmission(BoneScanView.POSTERIOR);
      for (int j = j0; j <= j1; j++) {
        double u = cfg.belowVertexMm(j);
        for (int i = i0; i <= i1; i++) {
          double path = src.shape().pathMm(cfg.xMm(i), u);
          if (path > 0) {
            out[BoneScanView.ANTERIOR.ordinal()][j * cols + i] += (float) (path * ant);
            out[BoneScanView.POSTERIOR.ordinal()][j * cols + i] += (float) (path * post);
          }
        }
      }
    }
    return out;
  }
}
