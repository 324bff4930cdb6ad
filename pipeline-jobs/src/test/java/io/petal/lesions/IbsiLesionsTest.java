package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.cli.PetalCli;
import io.petal.ingest.IngestJob;
import io.petal.ingest.IngestedTables;
import io.petal.schema.LesionSummaryTable;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data: IBSI soft-tissue sarcoma STS_001 (FDG PET in SUV, CT, expert GTV), ingested and
 * measured by {@code petal lesions}, then queried with {@code petal sql}. Reference facts from
 * {@code shared/data/README.md}: the PET mask has 5,095 voxels of 4.6875 × 4.6875 × 3.27 mm, SUVmax
 * 7.9 and SUVmean 2.6 inside it.
 */
class IbsiLesionsTest {
  private static final int GTV_VOXELS = 5095;
  private static final double GTV_ML = GTV_VOXELS * 4.6875 * 4.6875 * 3.27 / 1000;
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;

  @BeforeAll
  static void ingestAndMeasure() throws Exception {
    Path sts = SharedData.data("ibsi-sts/nifti/STS_001");
    Path manifest = dir.resolve("ibsi/manifest.csv");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "patient_id,study_id,suv,ct,seg,diagnosis\nSTS_001,S1,"
        + sts.resolve("PET_image.nii.gz") + "," + sts.resolve("CT_image.nii.gz") + ","
        + sts.resolve("PET_mask.nii.gz") + ",SARCOMA\n");
    w = new Warehouse(dir.resolve("wh").toUri().toString());
    assertEquals(1, IngestJob.run(SPARK, new IngestJob.Options(w, manifest.toString(), null, null),
        BlobWarehouse.KEYS).ingested());
    LesionsJob.run(SPARK, new LesionsJob.Options(w, Set.of()));
  }

  @Test
  void gtvBurdenMatchesTheReferenceFacts() {
    List<Row> summary = IngestedTables.read(SPARK, w, LesionSummaryTable.INSTANCE).collectAsList();
    assertEquals(1, summary.size());
    Row s = summary.get(0);
    assertEquals("truth:seg", s.getAs("mask_source"));
    assertEquals(GTV_VOXELS, s.<Long>getAs(LesionSummaryTable.TOTAL_VOXELS));
    assertEquals(GTV_ML, s.<Double>getAs(LesionSummaryTable.TOTAL_MTV_ML), 1e-3 * GTV_ML);
    assertEquals(7.9, s.<Double>getAs(LesionSummaryTable.SUV_MAX), 0.05);
    assertEquals(2.6, s.<Double>getAs(LesionSummaryTable.TOTAL_TLG) / s.<Double>getAs(LesionSummaryTable.TOTAL_MTV_ML),
        0.05, "SUVmean over the GTV");
  }

  @Test
  void theSameNumbersThroughPetalSql() throws Exception {
    Path csv = dir.resolve("gtv.csv");
    int code = PetalCli.run("sql", "--warehouse", w.root(), "--format", "csv", "--out", csv.toString(),
        "SELECT count(*) AS lesions, sum(voxels) AS voxels, max(suv_max) AS suv_max, sum(mtv_ml) AS mtv_ml, "
            + "sum(tlg) / sum(mtv_ml) AS suv_mean, max(suv_peak) AS suv_peak FROM lesions");
    assertEquals(0, code);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(List.of("lesions,voxels,suv_max,mtv_ml,suv_mean,suv_peak"), lines.subList(0, 1));
    String[] v = lines.get(1).split(",");
    assertEquals(GTV_VOXELS, Long.parseLong(v[1]));
    assertEquals(7.9, Double.parseDouble(v[2]), 0.05);
    assertEquals(GTV_ML, Double.parseDouble(v[3]), 1e-3 * GTV_ML);
    assertEquals(2.6, Double.parseDouble(v[4]), 0.05);
    double peak = Double.parseDouble(v[5]);
    assertTrue(peak > 2.6 && peak <= 7.9, "SUVpeak " + peak + " lies between SUVmean and SUVmax");
  }

  @Test
  void aReadableTableOnStdout() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, PetalCli.run("sql", "--warehouse", w.root(),
          "SELECT mask_source, lesion_count, total_voxels FROM lesion_summary"));
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("mask_source | lesion_count | total_voxels"), out);
    assertTrue(out.contains("truth:seg") && out.contains(" " + GTV_VOXELS), out);
    assertTrue(out.contains("(1 row)"), out);
  }
}
