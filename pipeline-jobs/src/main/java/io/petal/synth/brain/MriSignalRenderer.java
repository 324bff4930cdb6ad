package io.petal.synth.brain;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.synth.SmoothRandomField;
import io.petal.synth.Vec3;
import java.util.SplittableRandom;

/**
 * The noise-free relative MR signal of every contrast from a tissue map: each tissue's signal
 * ({@link HeadTissue#signal}) times a per-patient factor per tissue and contrast (1 ± up to
 * {@value #TISSUE_VARIATION}), times a smooth texture shared by all contrasts (amplitude
 * {@value #PARENCHYMA_TEXTURE} in healthy brain, {@value #TUMOUR_TEXTURE} in tumour, lattice
 * {@value #TEXTURE_CELL_MM} mm).
 */
final class MriSignalRenderer {
  static final double TISSUE_VARIATION = 0.08;
  static final double PARENCHYMA_TEXTURE = 0.03;
  static final double TUMOUR_TEXTURE = 0.08;
  static final double TEXTURE_CELL_MM = 6;

  private MriSignalRenderer() {}

  /**
   * Signals [contrast][voxel] (contrast order of {@link MriContrast}) of {@code tissue} (one
   * {@link HeadTissue} ordinal per voxel of {@code grid}); {@code geometry} maps voxels to the
   * head frame where the texture lives.
   */
  static float[][] render(byte[] tissue, ImageGrid grid, HeadGeometry geometry, SplittableRandom rng) {
    HeadTissue[] tissues = HeadTissue.values();
    MriContrast[] contrasts = MriContrast.values();
    double[][] level = new double[tissues.length][contrasts.length];
    for (HeadTissue t : tissues) {
      for (MriContrast c : contrasts) {
        double factor = 1 + TISSUE_VARIATION * Math.max(-1, Math.min(1, rng.nextGaussian() / 2));
        level[t.ordinal()][c.ordinal()] = t.signal(c) * factor;
      }
    }
    Vec3 e = HeadAnatomy.outerSemi();
    SmoothRandomField texture = new SmoothRandomField(rng, -e.x(), -e.y(), -e.z(), 2 * e.x(), 2 * e.y(), 2 * e.z(),
        TEXTURE_CELL_MM);
    float[][] out = new float[contrasts.length][tissue.length];
    Affine a = grid.affine();
    int n = 0;
    for (int k = 0; k < grid.nz(); k++) {
      for (int j = 0; j < grid.ny(); j++) {
        for (int i = 0; i < grid.nx(); i++, n++) {
          HeadTissue t = HeadTissue.of(tissue[n]);
          if (t == HeadTissue.AIR) {
            continue;
          }
          double[] p = a.apply(i, j, k);
          Vec3 q = geometry.toHead(p[0], p[1], p[2]);
          double amplitude = t.bratsLabel() != 0 ? TUMOUR_TEXTURE : t.brain() ? PARENCHYMA_TEXTURE : 0;
          double tex = amplitude == 0 ? 1 : 1 + amplitude * texture.at(q.x(), q.y(), q.z());
          for (int c = 0; c < contrasts.length; c++) {
            out[c][n] = (float) (level[t.ordinal()][c] * tex);
          }
        }
      }
    }
    return out;
  }
}
