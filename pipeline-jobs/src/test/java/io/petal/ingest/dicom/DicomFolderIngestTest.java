package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.ingest.IngestJob;
import io.petal.ingest.OutputPrivacy;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.StudiesTable;
import io.petal.testing.CapturedLogs;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal ingest --input DIR} on a folder of DICOM files: a real PET/CT study rewritten as a
 * Siemens-like BQML series with START decay correction ingests with the factor the scanner's
 * header values define, every slice present, the original SUVs, and no identifying value in any
 * output or log line.
 */
class DicomFolderIngestTest {
  @TempDir Path dir;
  private final SparkSession spark = TestSpark.session();
  private final Pseudonymizer keys = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  @Test
  void bqmlStartStudyIngestsWithTheScannersFactorAndNoIdentity() throws Exception {
    Path input = dir.resolve("incoming");
    List<Path> pet = VendorPetSeries.write(VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("PET")),
        SharedData.data("suv-headers/SIEMENS-instances.json"), "SIEMENS", VendorPetSeriesTest.SIEMENS_FACTOR,
        VendorPetSeriesTest.WHO, input.resolve("pet"));
    VendorPetSeries.copyWithIdentity(IbsiSeries.dicomSeries("CT"), VendorPetSeriesTest.WHO, input.resolve("ct"));
    Files.writeString(input.resolve("README.txt"), "exported from the PACS\n");
    DicomObject header = DicomReader.readHeader(pet.get(0)).dataset();
    String patientId = header.getString(DicomTags.PATIENT_ID);
    List<String> identifying = new ArrayList<>();
    for (int tag : new int[] {DicomTags.PATIENT_NAME, DicomTags.PATIENT_ID, DicomTags.PATIENT_BIRTH_DATE,
        DicomTags.STUDY_INSTANCE_UID}) {
      identifying.add(header.getString(tag));
    }
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());

    IngestJob.Summary s;
    List<String> log;
    try (CapturedLogs logs = new CapturedLogs(Level.INFO)) {
      s = IngestJob.run(spark, new IngestJob.Options(w, null, List.of(input.toString()), "vendor"), keys);
      log = logs.lines();
    }

    assertEquals(new IngestJob.Summary("vendor", 1, 0, 0), s);
    String studyKey = keys.study(patientId, header.getString(DicomTags.STUDY_INSTANCE_UID));
    Row study = IngestedVolumes.study(spark, w, studyKey);
    double factor = study.getAs(StudiesTable.SUV_FACTOR);
    assertEquals(VendorPetSeriesTest.SIEMENS_FACTOR, factor, 1e-9 * VendorPetSeriesTest.SIEMENS_FACTOR);
    String rule = study.getAs(StudiesTable.SUV_RULE);
    assertTrue(rule.contains("Units BQML") && rule.contains("START"), rule);
    assertEquals(List.of("PET", "CT"), study.getList(study.fieldIndex(StudiesTable.CHANNELS)));
    assertEquals(IbsiSeries.NZ, study.<Integer>getAs(StudiesTable.NZ));

    float[][] suv = IngestedVolumes.channels(spark, w, studyKey)[0];
    assertEquals(IbsiSeries.NZ, suv.length); // every slice present
    Volume original = IbsiSeries.niftiPet();
    for (int k = 0; k < IbsiSeries.NZ; k++) {
      assertArrayEquals(original.slice(k), suv[k], 1e-4f, "SUV of slice " + k);
    }

    OutputPrivacy.assertNotInOutputs(dir.resolve("wh"), identifying);
    assertTrue(log.stream().anyMatch(l -> l.contains("skipped 1 non-DICOM files")), String.join("\n", log));
    for (String line : log) {
      for (String id : identifying) {
        assertFalse(line.contains(id), "identifying value " + id + " in log line: " + line);
      }
    }
  }

  @Test
  void ibsiDicomFolderIngestsWithItsRtstructAsTheLabel() throws Exception {
    Warehouse w = new Warehouse(dir.resolve("wh-ibsi").toUri().toString());
    IngestJob.Summary s = IngestJob.run(spark,
        new IngestJob.Options(w, null, List.of(SharedData.data("ibsi-sts/dicom/STS_001").toString()), "ibsi"), keys);
    assertEquals(new IngestJob.Summary("ibsi", 1, 0, 0), s);
    Row study = TestSpark.session().read().parquet(w.table("studies")).first();
    assertEquals(List.of("seg"), study.getList(study.fieldIndex(StudiesTable.LABEL_SOURCES)));
    // the GTV contours rasterised onto the PET grid: the 5,095 voxels of the published mask
    assertEquals(5095L, study.<Long>getAs(StudiesTable.LESION_VOXELS));
    Row lesionMax = TestSpark.session().read().parquet(w.table("slices"))
        .agg(org.apache.spark.sql.functions.max("lesion_channel0_max")).first();
    assertEquals(7.9, lesionMax.getFloat(0), 0.05);
  }
}
