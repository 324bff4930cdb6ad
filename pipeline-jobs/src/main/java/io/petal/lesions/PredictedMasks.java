package io.petal.lesions;

import io.petal.image.ImageGrid;
import io.petal.schema.MasksTable;
import io.petal.tables.StudyInfo;
import java.util.SortedMap;
import java.util.TreeMap;
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
    ImageGrid g = info.grid();
    int plane = g.sliceSize();
    SortedMap<String, byte[]> masks = new TreeMap<>();
    SortedMap<String, boolean[]> seen = new TreeMap<>();
    for (Row r : rows) {
      String model = r.getString(r.fieldIndex(MasksTable.MODEL));
      int k = r.getInt(r.fieldIndex(MasksTable.SLICE_INDEX));
      byte[] mask = masks.computeIfAbsent(model, m -> new byte[g.voxelCount()]);
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
      byte[] label = (byte[]) r.get(r.fieldIndex(MasksTable.LABEL));
      if (w != g.nx() || h != g.ny() || label.length != plane) {
        throw invalid(info, model, "slice " + k + " is " + w + "x" + h + " with " + label.length
            + " label bytes, the study's grid is " + g.nx() + "x" + g.ny());
      }
      System.arraycopy(label, 0, mask, k * plane, plane);
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
    return masks;
  }

  private static IllegalArgumentException invalid(StudyInfo info, String model, String why) {
    return new IllegalArgumentException("masks of study " + info.studyKey() + " (cohort " + info.cohort()
        + "), model " + model + ": " + why);
  }
}
