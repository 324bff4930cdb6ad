package io.petal.export;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.schema.TensorCodec;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Puts one study's per-slice 2D tensors of a model-partitioned table (e.g. {@code anomaly} maps,
 * {@code masks} probabilities and labels) back together as a volume on the study's grid.
 */
final class SliceTensorVolume {
  private SliceTensorVolume() {}

  /**
   * @param table rows with cohort, study_key, model, slice_index and {@code tensorColumn}
   * @param float32 true for float32 tensors [H, W], false for uint8 ones
   * @return the volume, or null when the table has no row of this study and model
   * @throws IllegalArgumentException naming the study when slices are missing or of another size
   */
  static Volume read(Dataset<Row> table, String cohort, String studyKey, String model, String tensorColumn,
      boolean float32, ImageGrid grid) {
    List<Row> rows = table.filter(functions.col(Columns.COHORT).equalTo(cohort)
            .and(functions.col(Columns.STUDY_KEY).equalTo(studyKey)).and(functions.col("model").equalTo(model)))
        .select(SlicesTable.SLICE_INDEX, tensorColumn).collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    if (rows.size() != grid.nz()) {
      throw new IllegalArgumentException("study " + studyKey + ": " + tensorColumn + " of model " + model + " has "
          + rows.size() + " of " + grid.nz() + " slices");
    }
    int plane = grid.sliceSize();
    float[] data = new float[grid.voxelCount()];
    for (Row r : rows) {
      int k = r.getInt(0);
      byte[] bytes = (byte[]) r.get(1);
      float[] slice = float32 ? TensorCodec.decodeFloats(bytes, plane) : TensorCodec.decodeLabels(bytes);
      if (slice.length != plane || k < 0 || k >= grid.nz()) {
        throw new IllegalArgumentException("study " + studyKey + ": slice " + k + " of " + tensorColumn
            + " does not fit the " + grid.nx() + "x" + grid.ny() + "x" + grid.nz() + " grid");
      }
      System.arraycopy(slice, 0, data, k * plane, plane);
    }
    return new Volume(grid, data);
  }
}
