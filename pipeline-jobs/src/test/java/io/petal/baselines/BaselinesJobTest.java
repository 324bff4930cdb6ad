package io.petal.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.ingest.IngestJob;
import io.petal.io.nifti.NiftiReader;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.AnomalyTable;
import io.petal.schema.Columns;
import io.petal.schema.MasksTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.TensorCodec;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * petal segment baselines on real data, IBSI STS_001 (FDG PET in SUV): each baseline's lesion
 * voxels equal a count worked out here from the NIfTI PET with a connected-component search of
 * the test's own; re-running replaces the baselines' rows and keeps another model's.
 */
class BaselinesJobTest {
  private static final String OTHER = "unet-other";
  private static final float OTHER_SUV = 5f;
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;
  private static Volume pet;
  private static BaselinesJob.Summary first;

  @BeforeAll
  static void ingestScoreAndSegment() throws Exception {
    Path sts = SharedData.data("ibsi-sts/nifti/STS_001");
    pet = NiftiReader.read(sts.resolve("PET_image.nii.gz")).volume();
    Path manifest = dir.resolve("ibsi/manifest.csv");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "patient_id,study_id,suv,ct,seg,diagnosis\nSTS_001,S1,"
        + sts.resolve("PET_image.nii.gz") + "," + sts.resolve("CT_image.nii.gz") + ","
        + sts.resolve("PET_mask.nii.gz") + ",SARCOMA\n");
    w = new Warehouse(dir.resolve("wh").toUri().toString());
    assertEquals(1, IngestJob.run(SPARK, new IngestJob.Options(w, manifest.toString(), null, null),
        new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8))).ingested());
    List<Row> slices = SPARK.read().parquet(w.table(SlicesTable.NAME)).collectAsList();
    SPARK.createDataFrame(slices.stream().map(BaselinesJobTest::anomalyRow).toList(), AnomalyTable.INSTANCE.schema())
        .write().partitionBy(AnomalyTable.INSTANCE.partitionColumns()).parquet(w.table(AnomalyTable.NAME));
    SPARK.createDataFrame(slices.stream().map(BaselinesJobTest::otherModelRow).toList(), MasksTable.INSTANCE.schema())
        .write().mode(SaveMode.Overwrite).partitionBy(MasksTable.INSTANCE.partitionColumns())
        .parquet(w.table(MasksTable.NAME));
    first = BaselinesJob.run(SPARK, new BaselinesJob.Options(w, 2.5, "ae", 1.0));
  }

  /** The test's anomaly map: the PET above 2 SUV, so "anomaly > 1" means PET - 2 > 1. */
  private static float anomaly(float suv) {
    return Math.max(suv - 2f, 0f);
  }

  @Test
  void everyBaselineHasTheIndependentlyCountedVoxels() {
    float[] suv = pet.data();
    long above25 = 0;
    long anomalous = 0;
    for (float v : suv) {
      above25 += v > 2.5f ? 1 : 0;
      anomalous += anomaly(v) > 1.0 ? 1 : 0;
    }
    Map<String, Long> voxels = lesionVoxelsByModel();
    assertEquals(above25, voxels.get("baseline-suv2.5"));
    assertEquals(fortyOnePercentVoxels(suv, pet.grid().nx(), pet.grid().ny(), pet.grid().nz()),
        voxels.get("baseline-41pct"));
    assertEquals(anomalous, voxels.get("baseline-anomaly"));
    assertTrue(voxels.get("baseline-41pct") < above25 && anomalous < above25, voxels.toString());
    assertEquals(Map.of("baseline-suv2.5", 1L, "baseline-41pct", 1L, "baseline-anomaly", 1L), first.studiesByModel());
    assertEquals(List.of(), first.skipped());
  }

  @Test
  void aRerunReplacesTheBaselinesAndKeepsOtherModels() {
    Map<String, Long> before = lesionVoxelsByModel();
    BaselinesJob.Summary again = BaselinesJob.run(SPARK, new BaselinesJob.Options(w, 2.5, "ae", 1.0));
    assertEquals(first, again);
    assertEquals(before, lesionVoxelsByModel());
    Map<String, Long> rows = new TreeMap<>();
    for (Row r : SPARK.read().parquet(w.table(MasksTable.NAME)).groupBy(MasksTable.MODEL).count().collectAsList()) {
      rows.put(r.getString(0), r.getLong(1));
    }
    long nz = pet.grid().nz();
    assertEquals(Map.of("baseline-suv2.5", nz, "baseline-41pct", nz, "baseline-anomaly", nz, OTHER, nz), rows,
        "one row per slice and model, none duplicated");
    long otherVoxels = 0;
    for (float v : pet.data()) {
      otherVoxels += v > OTHER_SUV ? 1 : 0;
    }
    assertEquals(otherVoxels, before.get(OTHER), "the other model's mask is untouched");
  }

  @Test
  void probabilitiesLieInTheUnitInterval() {
    for (Row r : SPARK.read().parquet(w.table(MasksTable.NAME)).select(MasksTable.PROBABILITY, MasksTable.WIDTH,
        MasksTable.HEIGHT).collectAsList()) {
      for (float p : TensorCodec.decodeFloats(r.getAs(0), r.<Integer>getAs(1) * r.<Integer>getAs(2))) {
        assertTrue(p >= 0 && p <= 1, "probability " + p);
      }
    }
  }

  @Test
  void withoutAnomalyMapsTheAnomalyBaselineIsSkippedWithTheReason() {
    BaselinesJob.Summary s = BaselinesJob.run(SPARK, new BaselinesJob.Options(w, 2.5, "no-such-model", 1.0));
    assertEquals(1, s.skipped().size());
    assertTrue(s.skipped().get(0).contains("no-such-model"), s.skipped().toString());
    assertEquals(1L, s.studiesByModel().get("baseline-suv2.5"));
  }

  private static Map<String, Long> lesionVoxelsByModel() {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : SPARK.read().parquet(w.table(MasksTable.NAME)).select(MasksTable.MODEL, MasksTable.LABEL)
        .collectAsList()) {
      long n = 0;
      for (byte b : (byte[]) r.get(1)) {
        n += b != 0 ? 1 : 0;
      }
      out.merge(r.getString(0), n, Long::sum);
    }
    return out;
  }

  /**
   * The 41 % baseline by hand: regions of SUV > 2.5 grown breadth-first over the 18 neighbours
   * that share a face or an edge, then the voxels ≥ 0.41 × their region's maximum.
   */
  private static long fortyOnePercentVoxels(float[] suv, int nx, int ny, int nz) {
    int[] region = new int[suv.length];
    List<Float> maxima = new java.util.ArrayList<>(List.of(0f));
    for (int seed = 0; seed < suv.length; seed++) {
      if (suv[seed] <= 2.5f || region[seed] != 0) {
        continue;
      }
      int id = maxima.size();
      float max = suv[seed];
      ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(seed));
      region[seed] = id;
      while (!queue.isEmpty()) {
        int v = queue.poll();
        int i = v % nx;
        int j = v / nx % ny;
        int k = v / (nx * ny);
        max = Math.max(max, suv[v]);
        for (int dk = -1; dk <= 1; dk++) {
          for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
              int steps = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
              int a = i + di;
              int b = j + dj;
              int c = k + dk;
              if (steps == 0 || steps == 3 || a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) {
                continue;
              }
              int n = a + nx * (b + ny * c);
              if (suv[n] > 2.5f && region[n] == 0) {
                region[n] = id;
                queue.add(n);
              }
            }
          }
        }
      }
      maxima.add(max);
    }
    long count = 0;
    for (int v = 0; v < suv.length; v++) {
      if (region[v] != 0 && suv[v] >= 0.41 * maxima.get(region[v])) {
        count++;
      }
    }
    return count;
  }

  private static Row anomalyRow(Row slice) {
    int plane = slice.<Integer>getAs(SlicesTable.WIDTH) * slice.<Integer>getAs(SlicesTable.HEIGHT);
    float[] suv = TensorCodec.decodeFloatPlane(slice.getAs(SlicesTable.IMAGE), 0, plane);
    float[] map = new float[plane];
    for (int v = 0; v < plane; v++) {
      map[v] = anomaly(suv[v]);
    }
    return RowFactory.create(slice.getAs(Columns.COHORT), "ae", slice.getAs(Columns.PATIENT_KEY),
        slice.getAs(Columns.STUDY_KEY), slice.getAs(SlicesTable.SLICE_INDEX), slice.getAs(SlicesTable.WIDTH),
        slice.getAs(SlicesTable.HEIGHT), TensorCodec.encodeFloats(map), 0f, 2.5, 0f, AnomalyTable.VERSION);
  }

  /** Another model's mask (PET above 5 SUV), which the baselines must leave alone. */
  private static Row otherModelRow(Row slice) {
    int plane = slice.<Integer>getAs(SlicesTable.WIDTH) * slice.<Integer>getAs(SlicesTable.HEIGHT);
    float[] suv = TensorCodec.decodeFloatPlane(slice.getAs(SlicesTable.IMAGE), 0, plane);
    byte[] label = new byte[plane];
    for (int v = 0; v < plane; v++) {
      label[v] = (byte) (suv[v] > OTHER_SUV ? 1 : 0);
    }
    return RowFactory.create(slice.getAs(Columns.COHORT), slice.getAs(Columns.PATIENT_KEY),
        slice.getAs(Columns.STUDY_KEY), OTHER, slice.getAs(SlicesTable.SLICE_INDEX), slice.getAs(SlicesTable.WIDTH),
        slice.getAs(SlicesTable.HEIGHT), TensorCodec.encodeFloats(new float[plane]), label, MasksTable.VERSION);
  }
}
