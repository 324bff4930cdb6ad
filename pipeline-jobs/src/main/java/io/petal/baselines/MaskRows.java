package io.petal.baselines;

import io.petal.image.ImageGrid;
import io.petal.schema.MasksTable;
import io.petal.schema.TensorCodec;
import io.petal.tables.StudyInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** A study's predicted mask as rows of the {@code masks} table: one row per slice, in the contract's column order. */
final class MaskRows {
  private MaskRows() {}

  static List<Row> of(StudyInfo info, String model, PredictedMask mask) {
    ImageGrid g = info.grid();
    int plane = g.sliceSize();
    if (mask.label().length != g.voxelCount()) {
      throw new IllegalArgumentException("study " + info.studyKey() + ": mask of " + model + " has "
          + mask.label().length + " voxels, the grid " + g.voxelCount());
    }
    List<Row> rows = new ArrayList<>(g.nz());
    for (int k = 0; k < g.nz(); k++) {
      int from = k * plane;
      rows.add(RowFactory.create(info.cohort(), info.patientKey(), info.studyKey(), model, k, g.nx(), g.ny(),
          TensorCodec.encodeFloats(Arrays.copyOfRange(mask.probability(), from, from + plane)),
          Arrays.copyOfRange(mask.label(), from, from + plane), MasksTable.VERSION));
    }
    return rows;
  }
}
