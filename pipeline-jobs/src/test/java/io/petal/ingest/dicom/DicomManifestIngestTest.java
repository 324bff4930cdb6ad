package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.ingest.IngestJob;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.StudiesTable;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared IBSI study ingested from its DICOM folders and from its NIfTI files gives the same slices. */
class DicomManifestIngestTest {
  /**
   * CT resampled onto the PET grid from the DICOM and from the NIfTI CT may differ this much (HU):
   * the NIfTI affine is float32 (measured: 0.006 HU at most).
   */
  private static final float CT_TOLERANCE_HU = 0.05f;

  @TempDir Path dir;
  private final SparkSession spark = TestSpark.session();
  private final Pseudonymizer keys = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  @Test
  void dicomAndNiftiRoutesGiveTheSameStudy() throws Exception {
    Path manifest = dir.resolve("ibsi/manifest.csv");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, String.join("\n", "patient_id,study_id,suv,ct",
        "FROM_DICOM,S1," + IbsiSeries.dicomSeries("PET") + "," + IbsiSeries.dicomSeries("CT"),
        "FROM_NIFTI,S1," + IbsiSeries.nifti("PET") + "," + IbsiSeries.nifti("CT"), ""));
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());

    IngestJob.Summary s = IngestJob.run(spark, new IngestJob.Options(w, manifest.toString(), null, null), keys);
    assertEquals(new IngestJob.Summary("ibsi", 2, 0, 0), s);

    String dicomKey = keys.study("FROM_DICOM", "S1");
    String niftiKey = keys.study("FROM_NIFTI", "S1");
    Row dicom = IngestedVolumes.study(spark, w, dicomKey);
    Row nifti = IngestedVolumes.study(spark, w, niftiKey);
    assertEquals("dicom", dicom.getAs(StudiesTable.SOURCE_FORMAT));
    assertEquals("nifti", nifti.getAs(StudiesTable.SOURCE_FORMAT));
    assertEquals(List.of(IbsiSeries.NX, IbsiSeries.NY, IbsiSeries.NZ),
        List.of(dicom.getAs(StudiesTable.NX), dicom.getAs(StudiesTable.NY), dicom.getAs(StudiesTable.NZ)));
    assertArrayEquals(affine(nifti), affine(dicom), 1e-3);
    assertEquals(1.0, dicom.<Double>getAs(StudiesTable.SUV_FACTOR));
    String rule = dicom.getAs(StudiesTable.SUV_RULE);
    assertTrue(rule.contains("Units GML"), rule);

    float[][][] fromDicom = IngestedVolumes.channels(spark, w, dicomKey);
    float[][][] fromNifti = IngestedVolumes.channels(spark, w, niftiKey);
    float[][] petDicom = fromDicom[0];
    float[][] petNifti = fromNifti[0];
    float[][] ctDicom = fromDicom[1];
    float[][] ctNifti = fromNifti[1];
    assertEquals(IbsiSeries.NZ, petDicom.length);
    Volume reference = IbsiSeries.niftiPet();
    float maxCtDifference = 0;
    for (int k = 0; k < IbsiSeries.NZ; k++) {
      assertArrayEquals(petNifti[k], petDicom[k], 1e-4f, "PET slice " + k);
      assertArrayEquals(reference.slice(k), petDicom[k], 1e-4f, "PET slice " + k + " against the NIfTI file");
      for (int v = 0; v < ctDicom[k].length; v++) {
        maxCtDifference = Math.max(maxCtDifference, Math.abs(ctDicom[k][v] - ctNifti[k][v]));
      }
    }
    assertTrue(maxCtDifference <= CT_TOLERANCE_HU, "CT differs by up to " + maxCtDifference + " HU");
  }

  private static double[] affine(Row study) {
    return study.getList(study.fieldIndex(StudiesTable.AFFINE)).stream().mapToDouble(o -> (Double) o).toArray();
  }
}
