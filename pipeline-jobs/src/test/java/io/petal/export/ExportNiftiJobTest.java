package io.petal.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.IngestJob;
import io.petal.io.nifti.NiftiReader;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.AnomalyTable;
import io.petal.schema.MasksTable;
import io.petal.schema.TensorCodec;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported volumes land on the study's original PET grid and affine, under the operator's own ids. */
class ExportNiftiJobTest {
  @TempDir Path dir;
  private final SparkSession spark = TestSpark.session();
  private final Pseudonymizer keys = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  @Test
  void anomalyProbabilityAndLabelOverlayTheOriginalPet() throws Exception {
    Path nifti = SharedData.data("ibsi-sts/nifti/STS_001");
    Path manifest = dir.resolve("cohort/manifest.csv");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "patient_id,study_id,suv,ct\nSTS_001,S1," + nifti.resolve("PET_image.nii.gz") + ","
        + nifti.resolve("CT_image.nii.gz") + "\n");
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());
    assertEquals(1, IngestJob.run(spark, new IngestJob.Options(w, manifest.toString(), null, null), keys).ingested());

    Volume pet = NiftiReader.read(nifti.resolve("PET_image.nii.gz")).volume();
    ImageGrid g = pet.grid();
    int plane = g.sliceSize();
    String study = keys.study("STS_001", "S1");
    List<Row> anomaly = new ArrayList<>();
    List<Row> masks = new ArrayList<>();
    for (int k = 0; k < g.nz(); k++) {
      float[] a = Arrays.copyOfRange(pet.data(), k * plane, (k + 1) * plane); // the map = the PET, to compare
      float[] label = new float[plane];
      float[] probability = new float[plane];
      for (int v = 0; v < plane; v++) {
        probability[v] = Math.min(1f, a[v] / 10f);
        label[v] = a[v] > 4f ? 1f : 0f;
      }
      anomaly.add(RowFactory.create("cohort", "ae", keys.patient("STS_001"), study, k, g.nx(), g.ny(),
          TensorCodec.encodeFloats(a), 0f, 2.5, 0f, AnomalyTable.VERSION));
      masks.add(RowFactory.create("cohort", keys.patient("STS_001"), study, "seg", k, g.nx(), g.ny(),
          TensorCodec.encodeFloats(probability), TensorCodec.encodeLabels(label), MasksTable.VERSION));
    }
    spark.createDataFrame(anomaly, AnomalyTable.INSTANCE.schema()).write().mode(SaveMode.Overwrite)
        .partitionBy(AnomalyTable.INSTANCE.partitionColumns()).parquet(w.table(AnomalyTable.NAME));
    spark.createDataFrame(masks, MasksTable.INSTANCE.schema()).write().mode(SaveMode.Overwrite)
        .partitionBy(MasksTable.INSTANCE.partitionColumns()).parquet(w.table(MasksTable.NAME));

    Path out = dir.resolve("export");
    ExportNiftiJob.Summary s = ExportNiftiJob.run(spark,
        new ExportNiftiJob.Options(w, manifest.toString(), out.toString(), "ae", "seg"), keys);
    assertEquals(new ExportNiftiJob.Summary(1, 3, 0), s);

    Path folder = out.resolve("STS_001/S1");
    Volume a = NiftiReader.read(folder.resolve("anomaly.nii.gz")).volume();
    assertTrue(a.grid().sameGeometry(g, 1e-4), "anomaly on the PET grid: " + a.grid() + " vs " + g);
    assertArrayEquals(pet.data(), a.data(), 1e-6f);
    Volume label = NiftiReader.read(folder.resolve("label.nii.gz")).volume();
    assertTrue(label.grid().sameGeometry(g, 1e-4));
    for (int v = 0; v < plane * g.nz(); v += 97) {
      assertEquals(pet.data()[v] > 4f ? 1f : 0f, label.data()[v], "label voxel " + v);
    }
    assertTrue(Files.isRegularFile(folder.resolve("probability.nii.gz")));
    assertFalse(Files.exists(out.resolve(study)), "folders are named by the operator's ids, not pseudonyms");
  }
}
