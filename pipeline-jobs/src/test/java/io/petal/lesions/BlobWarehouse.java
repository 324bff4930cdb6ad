package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.petal.image.Volume;
import io.petal.ingest.IngestJob;
import io.petal.io.nifti.NiftiDataType;
import io.petal.io.nifti.NiftiWriter;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.MasksTable;
import io.petal.schema.TensorCodec;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A warehouse for the Spark tests of lesions and SQL, made by Petal's own ingest from NIfTI files
 * of the {@link BlobPhantom}: cohort {@value #COHORT}, patient P1 (manifest column
 * {@code site = left thigh}) and patient P2 (no site), both with the phantom's PET, CT and mask.
 */
public final class BlobWarehouse {
  public static final String COHORT = "blobs";
  public static final String MODEL = "unet-test";
  public static final Pseudonymizer KEYS = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  private BlobWarehouse() {}

  public static Warehouse create(SparkSession spark, Path dir) throws IOException {
    BlobPhantom p = new BlobPhantom();
    Path cohort = dir.resolve(COHORT);
    Files.createDirectories(cohort);
    write(cohort.resolve("SUV.nii.gz"), p.suv, NiftiDataType.FLOAT32);
    write(cohort.resolve("CT.nii.gz"), p.ct, NiftiDataType.FLOAT32);
    float[] mask = new float[p.mask.length];
    for (int v = 0; v < mask.length; v++) {
      mask[v] = p.mask[v];
    }
    write(cohort.resolve("SEG.nii.gz"), mask, NiftiDataType.UINT8);
    Files.writeString(cohort.resolve("manifest.csv"), """
        patient_id,study_id,suv,ct,seg,diagnosis,split,site
        P1,S1,SUV.nii.gz,CT.nii.gz,SEG.nii.gz,SARCOMA,train,left thigh
        P2,S1,SUV.nii.gz,CT.nii.gz,SEG.nii.gz,SARCOMA,test,
        """);
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());
    IngestJob.Summary s = IngestJob.run(spark,
        new IngestJob.Options(w, cohort.resolve("manifest.csv").toString(), null, COHORT), KEYS);
    assertEquals(2, s.ingested(), "ingested: " + s);
    return w;
  }

  /** Writes W/tables/masks with model {@value #MODEL}'s prediction for P1: lesion A only. */
  public static void writePrediction(SparkSession spark, Warehouse w) {
    StudyInfo p1 = StudyImagesReader.studies(spark, w, s -> s.studyKey().equals(KEYS.study("P1", "S1")))
        .values().iterator().next();
    byte[] mask = new BlobPhantom().maskOfAOnly();
    int plane = BlobPhantom.GRID.sliceSize();
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < BlobPhantom.NZ; k++) {
      byte[] label = java.util.Arrays.copyOfRange(mask, k * plane, (k + 1) * plane);
      float[] probability = new float[plane];
      for (int v = 0; v < plane; v++) {
        probability[v] = label[v] != 0 ? 0.9f : 0.05f;
      }
      rows.add(RowFactory.create(COHORT, p1.patientKey(), p1.studyKey(), MODEL, k, BlobPhantom.NX, BlobPhantom.NY,
          TensorCodec.encodeFloats(probability), label, MasksTable.VERSION));
    }
    spark.createDataFrame(rows, MasksTable.INSTANCE.schema()).write().mode(SaveMode.Overwrite)
        .partitionBy(MasksTable.INSTANCE.partitionColumns()).parquet(w.table(MasksTable.NAME));
  }

  private static void write(Path file, float[] data, NiftiDataType type) throws IOException {
    NiftiWriter.write(new Volume(BlobPhantom.GRID, data), file, type);
  }
}
