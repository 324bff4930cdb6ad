package io.petal.evaluation;

import io.petal.image.Affine;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.schema.TensorCodec;
import io.petal.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * A small PET/CT cohort written straight into {@code studies} and {@code slices} (no synthesis or
 * ingest, to keep the evaluation tests fast), on a {@value #NX} × {@value #NY} × {@value #NZ} grid
 * of 4 × 4 × 5 mm. Every patient has a body (SUV 1 ± 0.25, CT 40 HU, air around it at -1000 HU)
 * and a hot heart (SUV 3.5 ± 10 %, normal uptake, not labelled); an abnormal patient has 2 or 3
 * spherical lesions (SUV 2 to 6 ± 15 %, radius 2 to 3 voxels) labelled in annotation source
 * {@code seg}, a normal one an empty annotation. Lesion and normal uptake overlap, so no threshold
 * on the PET separates them. Studies alternate between the {@code test} and {@code train} splits.
 */
final class PhantomWarehouse {
  static final String COHORT = "phantoms";
  static final int NX = 32;
  static final int NY = 32;
  static final int NZ = 24;
  private static final double[] SPACING = {4, 4, 5};

  private PhantomWarehouse() {}

  /** Patients 0..normal-1 are normal, the next {@code abnormal} have lesions. */
  static Warehouse create(SparkSession spark, Path dir, int normal, int abnormal, long seed) {
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());
    List<Row> studies = new ArrayList<>();
    List<Row> slices = new ArrayList<>();
    for (int p = 0; p < normal + abnormal; p++) {
      Phantom ph = new Phantom(new Random(seed * 31 + p), p >= normal);
      String patient = key(p, 1);
      String study = key(p, 2);
      String split = p % 2 == 0 ? "test" : "train";
      studies.add(studyRow(patient, study, split, p >= normal, ph));
      for (int k = 0; k < NZ; k++) {
        slices.add(sliceRow(patient, study, split, k, ph));
      }
    }
    spark.createDataFrame(studies, StudiesTable.INSTANCE.schema()).coalesce(1).write().mode(SaveMode.Overwrite)
        .partitionBy(StudiesTable.INSTANCE.partitionColumns()).parquet(w.table(StudiesTable.NAME));
    spark.createDataFrame(slices, SlicesTable.INSTANCE.schema()).coalesce(1).write().mode(SaveMode.Overwrite)
        .partitionBy(SlicesTable.INSTANCE.partitionColumns()).parquet(w.table(SlicesTable.NAME));
    return w;
  }

  /** A 32-hex-digit key, unique in its first 8 characters (reports show those). */
  private static String key(int patient, int kind) {
    return String.format("%016x%016x", (patient * 2 + kind) * 0x9E3779B97F4A7C15L, 0L);
  }

  /** One patient's volumes, x fastest. */
  private static final class Phantom {
    final float[] pet = new float[NX * NY * NZ];
    final float[] ct = new float[NX * NY * NZ];
    final byte[] label = new byte[NX * NY * NZ];

    Phantom(Random r, boolean abnormal) {
      for (int k = 0; k < NZ; k++) {
        for (int j = 0; j < NY; j++) {
          for (int i = 0; i < NX; i++) {
            int v = i + NX * (j + NY * k);
            boolean body = sq(i - 15.5) / 144 + sq(j - 15.5) / 100 <= 1;
            pet[v] = body ? (float) (1 + 0.25 * r.nextGaussian()) : 0f;
            ct[v] = body ? 40f : -1000f;
            if (sq(i - 18) + sq(j - 13) + sq(k - 8) <= 6.25) {
              pet[v] = (float) (3.5 * (1 + 0.1 * r.nextGaussian())); // heart: hot, normal
            }
          }
        }
      }
      int lesions = abnormal ? 2 + r.nextInt(2) : 0;
      for (int l = 0; l < lesions; l++) {
        double ci = 9 + r.nextInt(12);
        double cj = 11 + r.nextInt(10);
        double ck = 12 + r.nextInt(9);
        double radius = 2 + r.nextDouble();
        double suv = 2 + 4 * r.nextDouble();
        for (int k = 0; k < NZ; k++) {
          for (int j = 0; j < NY; j++) {
            for (int i = 0; i < NX; i++) {
              if (sq(i - ci) + sq(j - cj) + sq(k - ck) <= radius * radius) {
                int v = i + NX * (j + NY * k);
                pet[v] = (float) (suv * (1 + 0.15 * r.nextGaussian()));
                ct[v] = 30f;
                label[v] = 1;
              }
            }
          }
        }
      }
    }

    private static double sq(double x) {
      return x * x;
    }
  }

  private static Row studyRow(String patient, String study, String split, boolean abnormal, Phantom ph) {
    long lesionVoxels = 0;
    float suvMax = 0;
    for (int v = 0; v < ph.label.length; v++) {
      lesionVoxels += ph.label[v];
      suvMax = Math.max(suvMax, ph.pet[v]);
    }
    double voxelMl = SPACING[0] * SPACING[1] * SPACING[2] / 1000;
    double[] affine = Affine.axisAligned(SPACING[0], SPACING[1], SPACING[2], 0, 0, 0).rowMajor3x4();
    List<Double> affineList = new ArrayList<>();
    for (double a : affine) {
      affineList.add(a);
    }
    return RowFactory.create(COHORT, patient, study, "pet-ct", "synthetic", seq(List.of("PET", "CT")),
        seq(List.of("SUV", "HU")), NX, NY, NZ, SPACING[0], SPACING[1], SPACING[2], seq(affineList), 1.0,
        "already SUV", null, abnormal ? "LYMPHOMA" : "NEGATIVE", !abnormal, split, seq(List.of("seg")), lesionVoxels,
        lesionVoxels * voxelMl, (double) suvMax, "phantom-" + study, null,
        JavaConverters.mapAsScalaMapConverter(Map.<String, String>of()).asScala(), Timestamp.from(Instant.now()),
        StudiesTable.VERSION);
  }

  private static Row sliceRow(String patient, String study, String split, int k, Phantom ph) {
    int plane = NX * NY;
    int from = k * plane;
    float[] pet = java.util.Arrays.copyOfRange(ph.pet, from, from + plane);
    float[] ct = java.util.Arrays.copyOfRange(ph.ct, from, from + plane);
    byte[] label = java.util.Arrays.copyOfRange(ph.label, from, from + plane);
    int lesionVoxels = 0;
    float max = 0;
    Float lesionMax = null;
    for (int v = 0; v < plane; v++) {
      max = Math.max(max, pet[v]);
      if (label[v] != 0) {
        lesionVoxels++;
        lesionMax = lesionMax == null ? pet[v] : Math.max(lesionMax, pet[v]);
      }
    }
    return RowFactory.create(COHORT, patient, study, "pet-ct", split, k, k * SPACING[2], "axial", NX, NY, 2,
        TensorCodec.encodeFloatPlanes(pet, ct), 1, label, lesionVoxels, max, lesionMax, SlicesTable.VERSION);
  }

  private static <T> scala.collection.Seq<T> seq(List<T> values) {
    return JavaConverters.asScalaBuffer(values).toSeq();
  }
}
