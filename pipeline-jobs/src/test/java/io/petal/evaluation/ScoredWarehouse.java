package io.petal.evaluation;

import io.petal.schema.AnomalyTable;
import io.petal.schema.Columns;
import io.petal.schema.MasksTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.TensorCodec;
import io.petal.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A phantom cohort ({@link PhantomWarehouse}) with anomaly maps and masks whose values the
 * tests know, written straight into the tables (no network involved):
 * <ul>
 *   <li>anomaly model {@value #AE}: anomaly = the PET (SUV, negatives as 0); slice score = the
 *       slice's largest anomaly value;</li>
 *   <li>mask model {@value #PERFECT}: the first annotation exactly, plus a 2 × 2 × 2-voxel cube in the
 *       middle of slices 10 and 11 of the first normal study by key ({@link Scored#cubeStudy()});</li>
 *   <li>mask model {@value #EMPTY}: no lesion voxel anywhere.</li>
 * </ul>
 */
final class ScoredWarehouse {
  static final String AE = "ae-test";
  static final String PERFECT = "segmentation";
  static final String EMPTY = "empty";
  static final int CUBE_VOXELS = 8;
  /** First of the cube's two slices. */
  private static final int CUBE_SLICE = 10;

  /**
   * The warehouse and the study key of the normal study that holds the false-positive cube.
   */
  record Scored(Warehouse warehouse, String cubeStudy) {}

  private ScoredWarehouse() {}

  static Scored create(SparkSession spark, Path dir, int normal, int abnormal, long seed) throws Exception {
    Warehouse w = PhantomWarehouse.create(spark, dir, normal, abnormal, seed);
    String cube = spark.read().parquet(w.table("studies")).filter(functions.col("normal"))
        .orderBy(Columns.STUDY_KEY).select(Columns.STUDY_KEY).first().getString(0);
    JavaRDD<Row> slices = spark.read().parquet(w.table(SlicesTable.NAME)).toJavaRDD();
    writeTable(spark, slices.map(ScoredWarehouse::anomalyRow), AnomalyTable.INSTANCE.schema(),
        AnomalyTable.INSTANCE.partitionColumns(), w.table(AnomalyTable.NAME));
    writeTable(spark, slices.flatMap(r -> List.of(maskRow(r, PERFECT, cube), maskRow(r, EMPTY, null)).iterator()),
        MasksTable.INSTANCE.schema(), MasksTable.INSTANCE.partitionColumns(), w.table(MasksTable.NAME));
    return new Scored(w, cube);
  }

  /** The test's anomaly value of a voxel. */
  static float anomaly(float pet) {
    return Math.max(pet, 0f);
  }

  /** The PET plane and first label plane of a slices row. */
  static float[] pet(Row r) {
    int plane = r.<Integer>getAs(SlicesTable.WIDTH) * r.<Integer>getAs(SlicesTable.HEIGHT);
    return TensorCodec.decodeFloatPlane(r.getAs(SlicesTable.IMAGE), 0, plane);
  }

  static byte[] label(Row r) {
    int plane = r.<Integer>getAs(SlicesTable.WIDTH) * r.<Integer>getAs(SlicesTable.HEIGHT);
    byte[] labels = r.getAs(SlicesTable.LABELS);
    return labels == null ? new byte[plane] : java.util.Arrays.copyOf(labels, plane);
  }

  private static Row anomalyRow(Row r) {
    float[] pet = pet(r);
    byte[] label = label(r);
    float[] map = new float[pet.length];
    float score = 0;
    for (int v = 0; v < map.length; v++) {
      map[v] = anomaly(pet[v]);
      score = Math.max(score, map[v]);
    }
    return RowFactory.create(r.getAs(Columns.COHORT), AE, r.getAs(Columns.PATIENT_KEY), r.getAs(Columns.STUDY_KEY),
        r.getAs(SlicesTable.SLICE_INDEX), r.getAs(SlicesTable.WIDTH), r.getAs(SlicesTable.HEIGHT),
        TensorCodec.encodeFloats(map), score, 2.5, 0f, AnomalyTable.VERSION);
  }

  private static Row maskRow(Row r, String model, String cubeStudy) {
    int nx = r.getAs(SlicesTable.WIDTH);
    int ny = r.getAs(SlicesTable.HEIGHT);
    byte[] label = model.equals(EMPTY) ? new byte[nx * ny] : label(r);
    int k = r.getAs(SlicesTable.SLICE_INDEX);
    if (r.getAs(Columns.STUDY_KEY).equals(cubeStudy) && (k == CUBE_SLICE || k == CUBE_SLICE + 1)) {
      for (int y = ny / 2; y < ny / 2 + 2; y++) {
        for (int x = nx / 2; x < nx / 2 + 2; x++) {
          label[y * nx + x] = 1;
        }
      }
    }
    float[] probability = new float[label.length];
    for (int v = 0; v < label.length; v++) {
      probability[v] = label[v] != 0 ? 0.9f : 0.1f;
    }
    return RowFactory.create(r.getAs(Columns.COHORT), r.getAs(Columns.PATIENT_KEY), r.getAs(Columns.STUDY_KEY), model,
        k, nx, ny, TensorCodec.encodeFloats(probability), label, MasksTable.VERSION);
  }

  private static void writeTable(SparkSession spark, JavaRDD<Row> rows, org.apache.spark.sql.types.StructType schema,
      String[] partitions, String path) {
    spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).partitionBy(partitions).parquet(path);
  }
}
