package io.petal.ingest.dicom;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.schema.TensorCodec;
import io.petal.warehouse.Warehouse;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Reads an ingested study back from the tables, for tests. */
final class IngestedVolumes {
  private IngestedVolumes() {}

  /** The studies row of {@code studyKey}. */
  static Row study(SparkSession spark, Warehouse w, String studyKey) {
    return IngestedTables.read(spark, w, StudiesTable.INSTANCE)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(studyKey)).first();
  }

  /**
   * Every channel of every slice of {@code studyKey}, read in one query: [channel][slice][i + nx·j].
   * Fails when a slice index is missing.
   */
  static float[][][] channels(SparkSession spark, Warehouse w, String studyKey) {
    List<Row> rows = IngestedTables.slices(spark, w).filter(functions.col(Columns.STUDY_KEY).equalTo(studyKey))
        .orderBy(SlicesTable.SLICE_INDEX).collectAsList();
    int channels = rows.isEmpty() ? 0 : rows.get(0).<Integer>getAs(SlicesTable.CHANNEL_COUNT);
    float[][][] out = new float[channels][rows.size()][];
    for (int k = 0; k < rows.size(); k++) {
      Row r = rows.get(k);
      if (r.<Integer>getAs(SlicesTable.SLICE_INDEX) != k) {
        throw new AssertionError("slice " + k + " missing from study " + studyKey);
      }
      int plane = r.<Integer>getAs(SlicesTable.WIDTH) * r.<Integer>getAs(SlicesTable.HEIGHT);
      for (int c = 0; c < channels; c++) {
        out[c][k] = TensorCodec.decodeFloatPlane(r.getAs(SlicesTable.IMAGE), c, plane);
      }
    }
    return out;
  }
}
