package io.petal.ingest;

import io.petal.image.ImageGrid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts a {@link LoadedStudy} into {@code slices} rows, one slice (k index: an axial slice, or a
 * planar view named by the study's views) at a time, in k
 * order, and adds up the study's totals from the same pass.
 *
 * <p>Each row's tensors are encoded straight from the volumes' arrays into two buffers that every
 * row reuses: a {@link SliceRecord} handed out by {@link #next()} holds its {@code image} and
 * {@code labels} bytes only until the following call, so a consumer must write or copy them
 * before asking for the next row (the Parquet writer copies each value into its page as it is
 * written). A study therefore costs two slice-sized buffers here, not a copy of all its voxels.
 * Labels must already be checked to hold integers 0..255 (the loader does), so they are narrowed
 * to bytes without another check.
 */
public final class SliceCutter implements Iterator<SliceRecord> {
  /** View name of tomographic slices. */
  public static final String AXIAL = "axial";

  private final ImageGrid grid;
  private final List<float[]> channels;
  private final List<float[]> labels;
  private final int plane;
  /** View names of a planar study (one per slice index), or null for tomographic slices ({@link #AXIAL}). */
  private final List<String> views;
  /** float32 LE [channels, height, width] of the current row. */
  private final byte[] image;
  private final FloatBuffer imageFloats;
  /** uint8 [labels, height, width] of the current row, or null without labels. */
  private final byte[] labelBytes;
  private int k;
  private long lesionVoxels;
  private float channel0Max = Float.NEGATIVE_INFINITY;

  public SliceCutter(LoadedStudy s) {
    grid = s.grid();
    plane = grid.sliceSize();
    views = s.planar() ? s.views() : null;
    channels = s.channels().stream().map(v -> v.data()).toList();
    labels = s.labels().stream().map(v -> v.data()).toList();
    image = new byte[channels.size() * plane * Float.BYTES];
    imageFloats = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    labelBytes = labels.isEmpty() ? null : new byte[labels.size() * plane];
  }

  @Override
  public boolean hasNext() {
    return k < grid.nz();
  }

  /** The next slice's row; its tensor arrays are overwritten by the following call. */
  @Override
  public SliceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + grid.nz() + " slices were cut");
    }
    int from = k * plane;
    for (int c = 0; c < channels.size(); c++) {
      imageFloats.put(c * plane, channels.get(c), from, plane);
    }
    float[] first = channels.get(0);
    float max = Float.NEGATIVE_INFINITY;
    for (int i = from; i < from + plane; i++) {
      max = Math.max(max, first[i]);
    }
    int lesion = 0;
    float lesionMax = Float.NEGATIVE_INFINITY;
    for (int l = 0; l < labels.size(); l++) {
      float[] lab = labels.get(l);
      for (int i = 0; i < plane; i++) {
        labelBytes[l * plane + i] = (byte) (int) lab[from + i];
      }
    }
    if (labelBytes != null) {
      for (int i = 0; i < plane; i++) {
        if (labelBytes[i] != 0) {
          lesion++;
          lesionMax = Math.max(lesionMax, first[from + i]);
        }
      }
    }
    double z = grid.affine().apply((grid.nx() - 1) / 2.0, (grid.ny() - 1) / 2.0, k)[2];
    lesionVoxels += lesion;
    channel0Max = Math.max(channel0Max, max);
    SliceRecord r = new SliceRecord(k, z, views == null ? AXIAL : views.get(k), grid.nx(), grid.ny(), channels.size(), image, labels.size(),
        labelBytes, lesion, max, lesion > 0 ? lesionMax : null);
    k++;
    return r;
  }

  /** Slices cut so far. */
  public int slicesCut() {
    return k;
  }

  /** Lesion voxels of the first label source over the slices cut so far (0 without labels). */
  public long lesionVoxels() {
    return lesionVoxels;
  }

  /** Maximum of channel 0 over the slices cut so far; NaN before the first. */
  public double channel0Max() {
    return k == 0 ? Double.NaN : channel0Max;
  }
}
