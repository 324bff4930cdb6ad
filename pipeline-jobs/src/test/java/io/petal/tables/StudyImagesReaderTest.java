package io.petal.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.ingest.IngestJob;
import io.petal.ingest.IngestedTables;
import io.petal.io.nifti.NiftiReader;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.SlicesTable;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies read back from the slices table equal the NIfTI files they were ingested from. */
class StudyImagesReaderTest {
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static final Pseudonymizer KEYS = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private static Warehouse warehouse;
  private static final Path NIFTI = SharedData.data("ibsi-sts/nifti");

  @BeforeAll
  static void ingest() throws Exception {
    Path manifest = dir.resolve("cohort/manifest.csv");
    Files.createDirectories(manifest.getParent());
    StringBuilder csv = new StringBuilder("patient_id,study_id,suv,ct,seg,diagnosis,split\n");
    for (String p : List.of("STS_001", "STS_002")) {
      csv.append(p).append(",S1,").append(NIFTI.resolve(p + "/PET_image.nii.gz")).append(',')
          .append(NIFTI.resolve(p + "/CT_image.nii.gz")).append(',').append(NIFTI.resolve(p + "/PET_mask.nii.gz"))
          .append(",SARCOMA,").append(p.endsWith("1") ? "train" : "test").append('\n');
    }
    Files.writeString(manifest, csv);
    warehouse = new Warehouse(dir.resolve("wh").toUri().toString());
    IngestJob.Summary summary = IngestJob.run(SPARK, new IngestJob.Options(warehouse, manifest.toString(), null, null), KEYS);
    assertEquals(2, summary.ingested(), "ingested: " + summary);
  }

  @Test
  void everyStudyComesBackWholeWithItsPetAndLabel() throws Exception {
    Map<String, StudyInfo> infos = StudyImagesReader.studies(SPARK, warehouse, s -> true);
    assertEquals(2, infos.size());
    List<StudyImages> studies = StudyImagesReader.read(SPARK, warehouse, infos).collect();
    assertEquals(2, studies.size());
    for (StudyImages s : studies) {
      String patient = s.info().studyKey().equals(KEYS.study("STS_001", "S1")) ? "STS_001" : "STS_002";
      Volume pet = NiftiReader.read(NIFTI.resolve(patient + "/PET_image.nii.gz")).volume();
      assertTrue(pet.grid().sameGeometry(s.grid(), 1e-3), patient + " grid");
      assertArrayEquals(pet.data(), s.channel("PET").data(), 1e-6f, patient + " PET");
      Volume gtv = NiftiReader.read(NIFTI.resolve(patient + "/PET_mask.nii.gz")).volume();
      int expected = 0;
      int got = 0;
      for (int v = 0; v < gtv.data().length; v++) {
        expected += gtv.data()[v] > 0.5f ? 1 : 0;
        got += s.label(0)[v] != 0 ? 1 : 0;
      }
      assertEquals(expected, got, patient + " label voxels");
      assertEquals(patient.equals("STS_001") ? "train" : "test", s.info().split());
    }
  }

  @Test
  void filterSelectsStudies() {
    Map<String, StudyInfo> train = StudyImagesReader.studies(SPARK, warehouse, s -> "train".equals(s.split()));
    List<StudyImages> studies = StudyImagesReader.read(SPARK, warehouse, train).collect();
    assertEquals(1, studies.size());
    assertEquals(KEYS.study("STS_001", "S1"), studies.get(0).info().studyKey());
  }

  @Test
  void aMissingSliceIsReportedWithTheStudy() {
    StudyInfo info = StudyImagesReader.studies(SPARK, warehouse, s -> true).values().iterator().next();
    List<Row> rows = IngestedTables.read(SPARK, warehouse, SlicesTable.INSTANCE)
        .filter(functions.col("study_key").equalTo(info.studyKey()))
        .filter(functions.col(SlicesTable.SLICE_INDEX).notEqual(3)).collectAsList();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StudyImages.assemble(info, rows.iterator()));
    assertTrue(e.getMessage().contains(info.studyKey()), e.getMessage());
    assertTrue(e.getMessage().contains((info.grid().nz() - 1) + " of its " + info.grid().nz()), e.getMessage());
  }
}
