package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.schema.SlicesTable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@link LoadedStudy} into {@code slices} rows: one per axial slice (k index), or one per
 * planar view, named by the study's views. Tensors are encoded straight from the volumes' arrays
 * (one copy per slice, no intermediate slice arrays); the per-slice facts come from the same pass. Labels must already be checked to hold integers
 * 0..255 (the loader does), so they are narrowed to bytes without another check.
 */
public final class SliceRecords {
  /** View name of tomographic slices. */
  public static final String AXIAL = SlicesTable.AXIAL;

  private SliceRecords() {}

  /** The rows of every slice, in k order. */
  public static List<SliceRecord> of(LoadedStudy s) {
    ImageGrid g = s.grid();
    int plane = g.sliceSize();
    int channels = s.channels().size();
    int labelCount = s.labels().size();
    float[] first = s.channels().get(0).data();
    List<SliceRecord> out = new ArrayList<>(g.nz());
    for (int k = 0; k < g.nz(); k++) {
      int from = k * plane;
      byte[] image = new byte[channels * plane * Float.BYTES];
      FloatBuffer fb = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      for (int c = 0; c < channels; c++) {
        fb.put(s.channels().get(c).data(), from, plane);
      }
      float max = Float.NEGATIVE_INFINITY;
      for (int i = from; i < from + plane; i++) {
        max = Math.max(max, first[i]);
      }
      byte[] labels = null;
      int lesionVoxels = 0;
      float lesionMax = Float.NEGATIVE_INFINITY;
      if (labelCount > 0) {
        labels = new byte[labelCount * plane];
        for (int l = 0; l < labelCount; l++) {
          float[] lab = s.labels().get(l).data();
          for (int i = 0; i < plane; i++) {
            labels[l * plane + i] = (byte) (int) lab[from + i];
          }
        }
        for (int i = 0; i < plane; i++) {
          if (labels[i] != 0) {
            lesionVoxels++;
            lesionMax = Math.max(lesionMax, first[from + i]);
          }
        }
      }
      double z = g.affine().apply((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, k)[2];
      String view = s.planar() ? s.views().get(k) : AXIAL;
      out.add(new SliceRecord(k, z, view, g.nx(), g.ny(), channels, image, labelCount, labels, lesionVoxels, max,
          lesionVoxels > 0 ? lesionMax : null));
    }
    return out;
  }
}
