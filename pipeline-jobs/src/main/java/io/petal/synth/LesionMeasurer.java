package io.petal.synth;

import io.petal.image.ImageGrid;
import io.petal.lesions.SuvPeak;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the inserted lesions on the final study: voxel count, volume, centroid (LPS mm),
 * SUVmax and SUVpeak (the highest mean SUV in a sphere of 1 mL centred on a lesion voxel, as
 * {@link SuvPeak} defines it for the lesion tables).
 */
final class LesionMeasurer {
  private LesionMeasurer() {}

  static List<LesionDescriptor> measure(List<LesionSynthesizer.Inserted> lesions, byte[] labels,
      float[] suv, ImageGrid grid) {
    SuvPeak sphere = new SuvPeak(grid);
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
            peak = Math.max(peak, sphere.sphereMean(suv, i, j, k));
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
}
