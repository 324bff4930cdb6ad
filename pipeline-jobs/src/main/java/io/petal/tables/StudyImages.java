package io.petal.tables;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.schema.SlicesTable;
import io.petal.schema.TensorCodec;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One study's slices put back together: every channel and every label source as a volume on the
 * study's reference grid.
 *
 * <p>Layout: {@link #channel(int)} is a float array of {@code nx·ny·nz} values, x fastest, in the
 * channel's unit ({@code info.channelUnits()}: SUV for PET, HU for CT, …);
 * {@link #label(int)} is a byte array of the same length (0 background, 1.. lesion classes).
 */
public final class StudyImages implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final StudyInfo info;
  private final float[][] channels;
  private final byte[][] labels;

  private StudyImages(StudyInfo info, float[][] channels, byte[][] labels) {
    this.info = info;
    this.channels = channels;
    this.labels = labels;
  }

  /**
   * A study from whole volumes (e.g. built in memory rather than read from the slices table).
   *
   * @param channels one flat x-fastest array per channel of {@code info.channels()}, in its unit
   * @param labels one array per label source of {@code info.labelSources()} (0 background)
   */
  public static StudyImages of(StudyInfo info, float[][] channels, byte[][] labels) {
    int n = info.grid().voxelCount();
    if (channels.length != info.channels().size() || labels.length != info.labelSources().size()) {
      throw invalid(info, channels.length + " channels and " + labels.length + " label sources given, the study has "
          + info.channels().size() + " and " + info.labelSources().size());
    }
    for (float[] c : channels) {
      if (c.length != n) {
        throw invalid(info, "a channel holds " + c.length + " voxels, the grid " + n);
      }
    }
    for (byte[] l : labels) {
      if (l.length != n) {
        throw invalid(info, "a label holds " + l.length + " voxels, the grid " + n);
      }
    }
    return new StudyImages(info, channels, labels);
  }

  /**
   * Assembles a study from all its rows of the {@code slices} table (any order).
   *
   * @throws IllegalArgumentException naming the study when a slice is missing, repeated, or of
   *     another size than the studies table says
   */
  public static StudyImages assemble(StudyInfo info, Iterator<Row> slices) {
    ImageGrid g = info.grid();
    int plane = g.sliceSize();
    int channelCount = info.channels().size();
    int labelCount = info.labelSources().size();
    float[][] channels = new float[channelCount][g.voxelCount()];
    byte[][] labels = new byte[labelCount][g.voxelCount()];
    boolean[] seen = new boolean[g.nz()];
    int count = 0;
    while (slices.hasNext()) {
      Row r = slices.next();
      int k = r.getInt(r.fieldIndex(SlicesTable.SLICE_INDEX));
      if (k < 0 || k >= g.nz() || seen[k]) {
        throw invalid(info, (k < 0 || k >= g.nz() ? "slice index " + k + " outside 0.." + (g.nz() - 1)
            : "slice " + k + " appears twice"));
      }
      seen[k] = true;
      count++;
      if (r.getInt(r.fieldIndex(SlicesTable.WIDTH)) != g.nx() || r.getInt(r.fieldIndex(SlicesTable.HEIGHT)) != g.ny()
          || r.getInt(r.fieldIndex(SlicesTable.CHANNEL_COUNT)) != channelCount) {
        throw invalid(info, "slice " + k + " is not " + channelCount + "x" + g.ny() + "x" + g.nx());
      }
      float[] image = TensorCodec.decodeFloats((byte[]) r.get(r.fieldIndex(SlicesTable.IMAGE)), channelCount * plane);
      for (int c = 0; c < channelCount; c++) {
        System.arraycopy(image, c * plane, channels[c], k * plane, plane);
      }
      int labelColumn = r.fieldIndex(SlicesTable.LABELS);
      if (labelCount > 0 && !r.isNullAt(labelColumn)) {
        byte[] l = (byte[]) r.get(labelColumn);
        if (l.length != labelCount * plane) {
          throw invalid(info, "slice " + k + " has " + l.length + " label bytes, expected " + labelCount * plane);
        }
        for (int s = 0; s < labelCount; s++) {
          System.arraycopy(l, s * plane, labels[s], k * plane, plane);
        }
      }
    }
    if (count != g.nz()) {
      throw invalid(info, "has " + count + " of its " + g.nz() + " slices in this partition");
    }
    return new StudyImages(info, channels, labels);
  }

  private static IllegalArgumentException invalid(StudyInfo info, String why) {
    return new IllegalArgumentException("study " + info.studyKey() + " (cohort " + info.cohort() + "): " + why);
  }

  public StudyInfo info() {
    return info;
  }

  public ImageGrid grid() {
    return info.grid();
  }

  /** Channel {@code c} in tensor order, flat x-fastest (shared array: do not modify). */
  public float[] channel(int c) {
    return channels[c];
  }

  /** The named channel (e.g. {@code PET}, {@code CT}) as a volume. */
  public Volume channel(String name) {
    int c = info.channelIndex(name);
    if (c < 0) {
      throw new IllegalArgumentException("study " + info.studyKey() + " has no channel " + name
          + " (channels " + info.channels() + ")");
    }
    return new Volume(info.grid(), channels[c]);
  }

  /** Label source {@code s} (order of {@code info.labelSources()}), 0 background (shared array). */
  public byte[] label(int s) {
    return labels[s];
  }

  /** Number of label sources (0 for an unlabelled study). */
  public int labelCount() {
    return labels.length;
  }

  /** The channels' names in tensor order. */
  public List<String> channelNames() {
    return info.channels();
  }
}
