package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.LesionSummaryTable;
import io.petal.schema.LesionsTable;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal lesions} as a Spark job on the {@link BlobPhantom} ingested by Petal: ground-truth
 * masks from {@code slices}, a predicted mask from a {@code masks} table, sites, re-runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LesionsJobTest {
  private static final double EPS = 1e-6; // SUV and HU pass through float32 NIfTI and slices
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static Warehouse w;
  private static String p1;
  private static String p2;

  @BeforeAll
  static void measure() throws Exception {
    w = BlobWarehouse.create(SPARK, dir);
    p1 = BlobWarehouse.KEYS.study("P1", "S1");
    p2 = BlobWarehouse.KEYS.study("P2", "S1");
  }

  private static LesionsJob.Summary run() {
    return LesionsJob.run(SPARK, new LesionsJob.Options(w, Set.of()));
  }

  private static List<Row> lesions(String study, String source) {
    return IngestedTables.read(SPARK, w, LesionsTable.INSTANCE)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(study).and(functions.col(Columns.MASK_SOURCE).equalTo(source)))
        .orderBy(LesionsTable.LESION_ID).collectAsList();
  }

  @Test
  @Order(1)
  void groundTruthLesionsEqualTheHandComputedValues() {
    LesionsJob.Summary s = run();
    assertEquals(2, s.studies());
    assertEquals(2, s.masks());
    assertEquals(6, s.lesions());
    List<Row> rows = lesions(p1, "truth:seg");
    assertEquals(3, rows.size());
    Row a = rows.get(0);
    assertEquals(12, a.<Integer>getAs(LesionsTable.VOXELS));
    assertEquals(0.288, a.<Double>getAs(LesionsTable.VOLUME_ML), 1e-9);
    assertEquals(0.288, a.<Double>getAs(LesionsTable.MTV_ML), 1e-9);
    assertEquals(9.0, a.<Double>getAs(LesionsTable.SUV_MAX), EPS);
    assertEquals(BlobPhantom.A_SUV_MEAN, a.<Double>getAs(LesionsTable.SUV_MEAN), EPS);
    assertEquals(BlobPhantom.A_SUV_PEAK, a.<Double>getAs(LesionsTable.SUV_PEAK), EPS);
    assertEquals(1.536, a.<Double>getAs(LesionsTable.TLG), EPS);
    assertEquals(40.0, a.<Double>getAs(LesionsTable.CT_MEAN_HU), 1e-3);
    assertEquals(-14.0, a.<Double>getAs(LesionsTable.CENTROID_X_MM), 1e-3);
    assertEquals(-13.5, a.<Double>getAs(LesionsTable.CENTROID_Y_MM), 1e-3);
    assertEquals(110.0, a.<Double>getAs(LesionsTable.CENTROID_Z_MM), 1e-3);
    assertEquals(List.of(2, 4, 3, 4, 2, 3), List.of(a.<Integer>getAs(LesionsTable.BBOX_I_MIN),
        a.<Integer>getAs(LesionsTable.BBOX_I_MAX), a.<Integer>getAs(LesionsTable.BBOX_J_MIN),
        a.<Integer>getAs(LesionsTable.BBOX_J_MAX), a.<Integer>getAs(LesionsTable.BBOX_K_MIN),
        a.<Integer>getAs(LesionsTable.BBOX_K_MAX)));
    assertEquals(8.0, a.<Double>getAs(LesionsTable.EXTENT_K_MM), 1e-9);
    assertEquals(BlobPhantom.B_SUV_PEAK, rows.get(1).<Double>getAs(LesionsTable.SUV_PEAK), EPS);
    assertEquals(BlobPhantom.C_SUV_PEAK, rows.get(2).<Double>getAs(LesionsTable.SUV_PEAK), EPS);
  }

  @Test
  @Order(2)
  void summaryAndSitesPerStudy() {
    Map<String, Row> summary = IngestedTables.read(SPARK, w, LesionSummaryTable.INSTANCE).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(Columns.STUDY_KEY) + " " + r.getAs(Columns.MASK_SOURCE), r -> r));
    Row s1 = summary.get(p1 + " truth:seg");
    assertEquals(3, s1.<Integer>getAs(LesionSummaryTable.LESION_COUNT));
    assertEquals(15L, s1.<Long>getAs(LesionSummaryTable.TOTAL_VOXELS));
    assertEquals(0.36, s1.<Double>getAs(LesionSummaryTable.TOTAL_MTV_ML), 1e-9);
    assertEquals(1.536 + 0.168 + 0.144, s1.<Double>getAs(LesionSummaryTable.TOTAL_TLG), EPS);
    assertEquals(9.0, s1.<Double>getAs(LesionSummaryTable.SUV_MAX), EPS);
    assertEquals(BlobWarehouse.COHORT, s1.getAs(Columns.COHORT));
    Row p1Lesion = lesions(p1, "truth:seg").get(0);
    assertEquals("left thigh", p1Lesion.getAs(LesionsTable.SITE));
    assertEquals("metadata:site", p1Lesion.getAs(LesionsTable.SITE_METHOD));
    Row p2Lesion = lesions(p2, "truth:seg").get(0);
    assertNull(p2Lesion.getAs(LesionsTable.SITE), "no manifest site and no lungs on the phantom's CT");
    assertNull(p2Lesion.getAs(LesionsTable.SITE_METHOD));
  }

  @Test
  @Order(3)
  void predictedMasksAreMeasuredBesideTheTruth() {
    BlobWarehouse.writePrediction(SPARK, w);
    LesionsJob.Summary s = run();
    assertEquals(3, s.masks());
    assertEquals(7, s.lesions());
    List<Row> predicted = lesions(p1, "predicted:" + BlobWarehouse.MODEL);
    assertEquals(1, predicted.size());
    Row a = predicted.get(0);
    assertEquals(12, a.<Integer>getAs(LesionsTable.VOXELS));
    assertEquals(BlobPhantom.A_SUV_PEAK, a.<Double>getAs(LesionsTable.SUV_PEAK), EPS);
    assertEquals(BlobPhantom.A_SUV_MEAN, a.<Double>getAs(LesionsTable.SUV_MEAN), EPS);
    assertNull(a.getAs(LesionsTable.SITE), "predicted lesions take no manifest site");
    assertEquals(3, lesions(p1, "truth:seg").size(), "the truth is still measured on the co-grouped path");
    assertTrue(lesions(p2, "predicted:" + BlobWarehouse.MODEL).isEmpty());
    // this was the second run over the cohort: its rows replaced the first run's 6 + 2
    assertEquals(7, IngestedTables.read(SPARK, w, LesionsTable.INSTANCE).count());
    assertEquals(3, IngestedTables.read(SPARK, w, LesionSummaryTable.INSTANCE).count());
  }

  @Test
  @Order(4)
  void anUnknownCohortIsRefusedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LesionsJob.run(SPARK, new LesionsJob.Options(w, Set.of("nope"))));
    assertTrue(e.getMessage().contains("nope") && e.getMessage().contains(BlobWarehouse.COHORT), e.getMessage());
  }
}
