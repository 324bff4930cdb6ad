package io.petal.lesions;

import io.petal.image.ImageGrid;
import io.petal.schema.MasksTable;
import io.petal.schema.TensorCodec;
import io.petal.tables.StudyInfo;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;

/** Puts a study's rows of the {@code masks} table back together as one mask volume per model. */
public final class PredictedMasks {
  private PredictedMasks() {}

  /**
   * The study's masks by model: uint8 arrays on the study's grid (x fastest).
   *
   * @param rows the study's rows of {@code masks} (any models, any order), with at least the
   *     columns model, slice_index, width, height and label
   * @throws IllegalArgumentException naming the study and the model when a slice is missing,
   *     repeated, outside the grid, or of another size than the study's grid
   */
  public static SortedMap<String, byte[]> assemble(StudyInfo info, Iterable<Row> rows) {
    return assemble(info, rows, MasksTable.LABEL, Byte.BYTES, byte[]::new,
        (bytes, volume, offset, plane) -> System.arraycopy(bytes, 0, volume, offset, plane));
  }

  /**
   * The study's probabilities (of each model's first region) by model: float arrays on the study's
   * grid (x fastest), values 0..1; the same rows and checks as {@link #assemble}, with the
   * probability column instead of the label.
   */
  public static SortedMap<String, float[]> probabilities(StudyInfo info, Iterable<Row> rows) {
    return assemble(info, rows, MasksTable.PROBABILITY, Float.BYTES, float[]::new,
        (bytes, volume, offset, plane) -> System.arraycopy(TensorCodec.decodeFloats(bytes, plane), 0, volume, offset,
            plane));
  }

  /** Decodes one slice's tensor bytes (of the right length) into the model's volume at {@code offset}. */
  private interface SliceCopy<T> {
    void copy(byte[] bytes, T volume, int offset, int plane);
  }

  /** One volume per model of the tensor column {@code column} ({@code bytesPerValue} bytes per voxel). */
  private static <T> SortedMap<String, T> assemble(StudyInfo info, Iterable<Row> rows, String column,
      int bytesPerValue, IntFunction<T> newVolume, SliceCopy<T> copy) {
    ImageGrid g = info.grid();
    int plane = g.sliceSize();
    SortedMap<String, T> volumes = new TreeMap<>();
    SortedMap<String, boolean[]> seen = new TreeMap<>();
    for (Row r : rows) {
      String model = r.getString(r.fieldIndex(MasksTable.MODEL));
      int k = r.getInt(r.fieldIndex(MasksTable.SLICE_INDEX));
      T volume = volumes.computeIfAbsent(model, m -> newVolume.apply(g.voxelCount()));
      boolean[] done = seen.computeIfAbsent(model, m -> new boolean[g.nz()]);
      if (k < 0 || k >= g.nz()) {
        throw invalid(info, model, "slice index " + k + " outside 0.." + (g.nz() - 1));
      }
      if (done[k]) {
        throw invalid(info, model, "slice " + k + " appears twice");
      }
      done[k] = true;
      int w = r.getInt(r.fieldIndex(MasksTable.WIDTH));
      int h = r.getInt(r.fieldIndex(MasksTable.HEIGHT));
      byte[] bytes = (byte[]) r.get(r.fieldIndex(column));
      if (w != g.nx() || h != g.ny() || bytes.length != (long) plane * bytesPerValue) {
        throw invalid(info, model, "slice " + k + " is " + w + "x" + h + " with " + bytes.length + " " + column
            + " bytes, the study's grid is " + g.nx() + "x" + g.ny());
      }
      copy.copy(bytes, volume, k * plane, plane);
    }
    for (var e : seen.entrySet()) {
      int count = 0;
      for (boolean b : e.getValue()) {
        count += b ? 1 : 0;
      }
      if (count != g.nz()) {
        throw invalid(info, e.getKey(), "has " + count + " of the study's " + g.nz() + " slices");
      }
    }
    return volumes;
  }

  private static IllegalArgumentException invalid(StudyInfo info, String model, String why) {
    return new IllegalArgumentException("masks of study " + info.studyKey() + " (cohort " + info.cohort()
        + "), model " + model + ": " + why);
  }
}
