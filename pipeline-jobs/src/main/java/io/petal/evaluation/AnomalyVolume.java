package io.petal.evaluation;

import io.petal.image.ImageGrid;
import io.petal.schema.AnomalyTable;
import io.petal.schema.TensorCodec;
import io.petal.tables.StudyInfo;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * One study's anomaly map and slice scores from one autoencoder, put back together from its rows
 * of the {@code anomaly} table.
 *
 * @param map SUV, flat on the study's grid ({@code nx·ny·nz} values, x fastest)
 * @param sliceScores per slice index k: the slice score (SUV)
 */
public record AnomalyVolume(float[] map, float[] sliceScores) implements Serializable {

  /**
   * Assembles a study's rows of {@code anomaly} (one model, any order).
   *
   * @param rows with at least slice_index, width, height, anomaly and score
   * @throws IllegalArgumentException naming the study and the model when a slice is missing,
   *     repeated, outside the grid or of another size
   */
  public static AnomalyVolume assemble(StudyInfo info, String model, Iterable<Row> rows) {
    ImageGrid g = info.grid();
    int plane = g.sliceSize();
    float[] map = new float[g.voxelCount()];
    float[] scores = new float[g.nz()];
    boolean[] seen = new boolean[g.nz()];
    int count = 0;
    for (Row r : rows) {
      int k = r.getInt(r.fieldIndex(AnomalyTable.SLICE_INDEX));
      if (k < 0 || k >= g.nz() || seen[k]) {
        throw invalid(info, model, k < 0 || k >= g.nz() ? "slice index " + k + " outside 0.." + (g.nz() - 1)
            : "slice " + k + " appears twice");
      }
      int w = r.getInt(r.fieldIndex(AnomalyTable.WIDTH));
      int h = r.getInt(r.fieldIndex(AnomalyTable.HEIGHT));
      if (w != g.nx() || h != g.ny()) {
        throw invalid(info, model, "slice " + k + " is " + w + "x" + h + ", the study's grid is " + g.nx() + "x"
            + g.ny());
      }
      seen[k] = true;
      count++;
      float[] slice = TensorCodec.decodeFloats((byte[]) r.get(r.fieldIndex(AnomalyTable.ANOMALY)), plane);
      System.arraycopy(slice, 0, map, k * plane, plane);
      scores[k] = r.getFloat(r.fieldIndex(AnomalyTable.SCORE));
    }
    if (count != g.nz()) {
      throw invalid(info, model, "has " + count + " of the study's " + g.nz() + " slices");
    }
    return new AnomalyVolume(map, scores);
  }

  private static IllegalArgumentException invalid(StudyInfo info, String model, String why) {
    return new IllegalArgumentException("anomaly map of study " + info.studyKey() + " (cohort " + info.cohort()
        + "), model " + model + ": " + why);
  }
}
