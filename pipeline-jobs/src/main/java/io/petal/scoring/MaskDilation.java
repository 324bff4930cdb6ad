package io.petal.scoring;

import io.petal.models.ChannelScaling;
import io.petal.models.ModelChannels;

/**
 * Grows a 0/1 mask of square slices in-plane by a disc: a pixel becomes 1 when a 1 lies within
 * {@code radius} pixels (Euclidean) of it in the same slice. The anomaly mapper uses it to hide the
 * fainter rim of a hot focus together with its core: a rim below the threshold is otherwise shown
 * to the network, which reconstructs it, and the focus's anomaly shrinks to its core.
 */
public final class MaskDilation {
  /**
   * Default radius for PET (SUV) masks, mm. On held-out synthetic PET/CT patients pixel AUROC
   * rose from 0.82 (none) to 0.92, 0.97, 0.98 and 0.99 with 4, 8, 12 and 16 mm
   * (benchmarks/README.md); 12 mm is three voxels of the default 4 mm network grid.
   */
  public static final double PET_DEFAULT_MM = 12;

  private MaskDilation() {}

  /**
   * The dilation radius, mm, for {@code layout}: the settings' own, or where they ask for the
   * kind's default, {@link #PET_DEFAULT_MM} for a masked PET branch (SUV) and none for
   * study-relative channels (MRI, bone scans), where it has not been measured.
   */
  public static double radiusMm(ScoringSettings settings, ModelChannels layout) {
    if (settings.maskDilationMm() != ScoringSettings.KIND_DEFAULT_DILATION) {
      return settings.maskDilationMm();
    }
    return layout.maskedScaling() == ChannelScaling.SUV ? PET_DEFAULT_MM : 0;
  }

  /** The radius in whole pixels for {@code mm} on a grid of {@code pixelMm} spacing (rounded, at least 0). */
  static int radiusPixels(double mm, double pixelMm) {
    return mm <= 0 ? 0 : (int) Math.round(mm / pixelMm);
  }

  /**
   * Dilates slice by slice, in place.
   *
   * @param mask [slices, size, size] 0/1 values from {@code offset}
   * @param slices how many slices from {@code offset}
   * @param radius disc radius in pixels (0 leaves the mask as it is)
   */
  static void grow(float[] mask, int offset, int slices, int size, int radius) {
    if (radius <= 0) {
      return;
    }
    int plane = size * size;
    float[] before = new float[plane];
    for (int k = 0; k < slices; k++) {
      int base = offset + k * plane;
      System.arraycopy(mask, base, before, 0, plane);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (before[y * size + x] > 0) {
            stamp(mask, base, size, x, y, radius);
          }
        }
      }
    }
  }

  private static void stamp(float[] mask, int base, int size, int cx, int cy, int radius) {
    int r2 = radius * radius;
    for (int dy = -radius; dy <= radius; dy++) {
      int y = cy + dy;
      if (y < 0 || y >= size) {
        continue;
      }
      for (int dx = -radius; dx <= radius; dx++) {
        int x = cx + dx;
        if (x >= 0 && x < size && dx * dx + dy * dy <= r2) {
          mask[base + y * size + x] = 1f;
        }
      }
    }
  }
}
