package io.petal.synth;

import io.petal.image.ImageGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the inserted lesions on the final study: voxel count, volume, centroid (LPS mm),
 * SUVmax and SUVpeak (the highest mean SUV in a sphere of 1 mL — radius {@link #PEAK_RADIUS_MM}
 * — centred on a lesion voxel; the sphere holds the voxels whose centres lie within the radius).
 */
final class LesionMeasurer {
  private LesionMeasurer() {}

  /** Radius of a 1 mL sphere (mm). */
  static final double PEAK_RADIUS_MM = Math.cbrt(3 * 1000 / (4 * Math.PI));

  static List<LesionDescriptor> measure(List<LesionSynthesizer.Inserted> lesions, byte[] labels,
      float[] suv, ImageGrid grid) {
    int[][] sphere = sphereOffsets(grid);
    List<LesionDescriptor> out = new ArrayList<>();
    for (LesionSynthesizer.Inserted les : lesions) {
      int count = 0;
      double sx = 0;
      double sy = 0;
      double sz = 0;
      double max = Double.NEGATIVE_INFINITY;
      double peak = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < grid.nz(); k++) {
        for (int j = 0; j < grid.ny(); j++) {
          for (int i = 0; i < grid.nx(); i++) {
            int n = grid.index(i, j, k);
            if (labels[n] != les.label()) {
              continue;
            }
            count++;
            double[] p = grid.affine().apply(i, j, k);
            sx += p[0];
            sy += p[1];
            sz += p[2];
            max = Math.max(max, suv[n]);
            peak = Math.max(peak, sphereMean(suv, grid, i, j, k, sphere));
          }
        }
      }
      if (count == 0) {
        throw new IllegalStateException("lesion " + les.label() + " has no voxel left");
      }
      out.add(new LesionDescriptor(les.label(), les.site(), les.region(), les.level(),
          les.radiusMm(), les.ctCorrelate(), new Vec3(sx / count, sy / count, sz / count), count,
          count * grid.voxelVolumeMl(), max, peak, les.massEffect()));
    }
    return out;
  }

  /** Index offsets (di, dj, dk) of the voxels within the peak sphere. */
  private static int[][] sphereOffsets(ImageGrid g) {
    int ri = (int) Math.floor(PEAK_RADIUS_MM / g.spacing(0));
    int rj = (int) Math.floor(PEAK_RADIUS_MM / g.spacing(1));
    int rk = (int) Math.floor(PEAK_RADIUS_MM / g.spacing(2));
    List<int[]> list = new ArrayList<>();
    double[] o = g.affine().apply(0, 0, 0);
    for (int dk = -rk; dk <= rk; dk++) {
      for (int dj = -rj; dj <= rj; dj++) {
        for (int di = -ri; di <= ri; di++) {
          double[] p = g.affine().apply(di, dj, dk);
          double d = Math.hypot(Math.hypot(p[0] - o[0], p[1] - o[1]), p[2] - o[2]);
          if (d <= PEAK_RADIUS_MM) {
            list.add(new int[] {di, dj, dk});
          }
        }
      }
    }
    return list.toArray(new int[0][]);
  }

  private static double sphereMean(float[] suv, ImageGrid g, int i, int j, int k, int[][] sphere) {
    double sum = 0;
    int n = 0;
    for (int[] d : sphere) {
      int a = i + d[0];
      int b = j + d[1];
      int c = k + d[2];
      if (a >= 0 && b >= 0 && c >= 0 && a < g.nx() && b < g.ny() && c < g.nz()) {
        sum += suv[g.index(a, b, c)];
        n++;
      }
    }
    return sum / n;
  }
}
