package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.schema.TensorCodec;
import java.util.ArrayList;
import java.util.List;

/** Cuts a {@link LoadedStudy} into {@code slices} rows: one per axial slice (k index). */
public final class SliceRecords {
  /** View name of tomographic slices. */
  public static final String AXIAL = "axial";

  private SliceRecords() {}

  /** The rows of every slice, in k order. */
  public static List<SliceRecord> of(LoadedStudy s) {
    ImageGrid g = s.grid();
    int plane = g.sliceSize();
    List<SliceRecord> out = new ArrayList<>(g.nz());
    for (int k = 0; k < g.nz(); k++) {
      float[][] channels = new float[s.channels().size()][];
      for (int c = 0; c < channels.length; c++) {
        channels[c] = s.channels().get(c).slice(k);
      }
      byte[] labels = null;
      int lesionVoxels = 0;
      float lesionMax = Float.NEGATIVE_INFINITY;
      if (!s.labels().isEmpty()) {
        labels = new byte[s.labels().size() * plane];
        for (int l = 0; l < s.labels().size(); l++) {
          byte[] b = TensorCodec.encodeLabels(s.labels().get(l).slice(k));
          System.arraycopy(b, 0, labels, l * plane, plane);
        }
        for (int i = 0; i < plane; i++) {
          if (labels[i] != 0) {
            lesionVoxels++;
            lesionMax = Math.max(lesionMax, channels[0][i]);
          }
        }
      }
      double z = g.affine().apply((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, k)[2];
      out.add(new SliceRecord(k, z, AXIAL, g.nx(), g.ny(), channels.length, TensorCodec.encodeFloatPlanes(channels),
          s.labels().size(), labels, lesionVoxels, max(channels[0]), lesionVoxels > 0 ? lesionMax : null));
    }
    return out;
  }

  /** Maximum of a volume (NaN-free by the loader's checks). */
  public static float max(Volume v) {
    return max(v.data());
  }

  private static float max(float[] d) {
    float m = Float.NEGATIVE_INFINITY;
    for (float f : d) {
      m = Math.max(m, f);
    }
    return m;
  }
}
