package io.petal.training;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.models.ChannelScaling;
import io.petal.models.ModelChannels;
import io.petal.models.StudyScale;
import io.petal.tables.StudyImages;
import java.io.Serializable;

/**
 * A study's channels on the network grid ({@link NetworkGrid}), in the order of a channel layout
 * ({@link ModelChannels}): per channel a [slices, size, size] float array, x fastest, in stack
 * units — PET in SUV, CT in HU, and study-relative channels (MRI, counts) divided by the study's
 * own robust scale ({@link StudyScale}, computed on the study's grid before resampling). Outside
 * the study's field of view: 0 (SUV, relative) or air, −1000 HU ({@link ChannelScaling#outside()}).
 */
public record NetworkStack(ImageGrid grid, float[][] channels) implements Serializable {
  public NetworkStack {
    for (float[] c : channels) {
      if (c.length != grid.voxelCount()) {
        throw new IllegalArgumentException("network stacks must hold " + grid.nz() + " slices of " + grid.nx() + "x"
            + grid.ny() + " per channel, got " + c.length + " values");
      }
    }
  }

  /**
   * The study's channels of {@code layout} resampled in-plane onto {@code size × size} pixels of the
   * layout's network grid ({@link NetworkGrid#of(ImageGrid, int, double, ModelChannels)}).
   *
   * @throws IllegalArgumentException naming the study when it lacks a channel of the layout or a
   *     study-relative channel is empty
   */
  public static NetworkStack of(StudyImages study, int size, double pixelMm, ModelChannels layout) {
    ImageGrid target = NetworkGrid.of(study.grid(), size, pixelMm, layout);
    float[][] channels = new float[layout.count()][];
    for (int c = 0; c < channels.length; c++) {
      ChannelScaling scaling = layout.scaling(c);
      Volume source = study.channel(layout.names().get(c));
      if (scaling == ChannelScaling.STUDY_RELATIVE) {
        source = relative(study, layout.names().get(c), source);
      }
      channels[c] = Resampler.resample(source, target, Interpolation.LINEAR, scaling.outside()).data();
    }
    return new NetworkStack(target, channels);
  }

  private static Volume relative(StudyImages study, String name, Volume source) {
    double scale;
    try {
      scale = StudyScale.of(source.data());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("study " + study.info().studyKey() + ", channel " + name + ": " + e.getMessage(),
          e);
    }
    float[] out = new float[source.data().length];
    float inverse = (float) (1 / scale);
    for (int v = 0; v < out.length; v++) {
      out[v] = source.data()[v] * inverse;
    }
    return new Volume(source.grid(), out);
  }

  /** Pixels per side. */
  public int size() {
    return grid.nx();
  }

  /** Number of slices (or planar views). */
  public int slices() {
    return grid.nz();
  }

  /** Channel {@code c} in layout order, [slices, size, size] (shared array). */
  public float[] channel(int c) {
    return channels[c];
  }

  /**
   * Copies the 2.5D window around {@code centre} (neighbours clamped at the first and last slice)
   * of every channel c into {@code out[c]} at {@code offset}: [2·neighbours+1, size, size] each.
   */
  public void copyWindow(int centre, int neighbours, float[][] out, int offset) {
    int plane = grid.sliceSize();
    for (int d = -neighbours; d <= neighbours; d++) {
      int k = Math.min(slices() - 1, Math.max(0, centre + d));
      int dst = offset + (d + neighbours) * plane;
      for (int c = 0; c < channels.length; c++) {
        System.arraycopy(channels[c], k * plane, out[c], dst, plane);
      }
    }
  }

  /** Arrays for {@code windows} windows of {@code slices} slices: one [windows, slices, size, size] per channel. */
  public static float[][] windows(int channels, int windows, int slices, int size) {
    return new float[channels][windows * slices * size * size];
  }
}
