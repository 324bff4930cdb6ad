package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.ingest.IngestJob;
import io.petal.ingest.IngestedTables;
import io.petal.jobs.SynthJob;
import io.petal.schema.LesionsTable;
import io.petal.synth.SynthConfig;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal synth} → {@code petal ingest} → {@code petal lesions}: every lesion the generator
 * inserted ({@code lesions.csv}: its own measurement of voxels, centroid and SUVmax) is found again
 * with the same numbers, and its body region agrees with the organ it was placed in.
 */
class SyntheticCohortLesionsTest {
  /** Regions that are anatomically right for the generator's placement names. */
  private static final Map<String, Set<String>> REGIONS = Map.ofEntries(
      Map.entry("lung", Set.of("thorax")),
      Map.entry("mediastinal", Set.of("thorax")),
      Map.entry("hilar", Set.of("thorax")),
      Map.entry("axillary", Set.of("thorax", "head_neck")),
      Map.entry("cervical", Set.of("head_neck")),
      Map.entry("skull", Set.of("head_neck")),
      Map.entry("liver", Set.of("thorax", "abdomen")), // the liver dome lies beside the lung bases
      Map.entry("para-aortic", Set.of("thorax", "abdomen", "pelvis")), // down to the aortic bifurcation
      Map.entry("iliac", Set.of("abdomen", "pelvis")),
      Map.entry("pelvis", Set.of("abdomen", "pelvis")),
      Map.entry("sacrum", Set.of("abdomen", "pelvis")),
      Map.entry("femur", Set.of("pelvis", "lower_extremity")));

  @TempDir Path dir;

  @Test
  void everyInsertedLesionIsFoundWithItsNumbersAndRegion() throws Exception {
    SparkSession spark = TestSpark.session();
    String cohort = dir.resolve("cohort").toString();
    SynthJob.run(spark, new SynthJob.Options(cohort, 0, 3, 3, false, SynthConfig.small()));
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());
    IngestJob.run(spark, new IngestJob.Options(w, cohort + "/" + SynthJob.MANIFEST, null, "synthetic"),
        BlobWarehouse.KEYS);
    LesionsJob.run(spark, new LesionsJob.Options(w, Set.of()));
    List<Row> found = IngestedTables.read(spark, w, LesionsTable.INSTANCE).collectAsList();

    List<String> inserted = Files.readAllLines(Path.of(cohort, SynthJob.LESIONS));
    List<String> header = List.of(inserted.get(0).split(","));
    assertTrue(inserted.size() > 4, "the seed places several lesions: " + inserted);
    assertEquals(inserted.size() - 1, found.size(), "one lesion row per inserted lesion");
    int regionsChecked = 0;
    for (String line : inserted.subList(1, inserted.size())) {
      String[] f = line.split(",");
      String study = BlobWarehouse.KEYS.study(f[header.indexOf("patient_id")], f[header.indexOf("study_id")]);
      double[] centroid = {Double.parseDouble(f[header.indexOf("centroid_x_mm")]),
          Double.parseDouble(f[header.indexOf("centroid_y_mm")]), Double.parseDouble(f[header.indexOf("centroid_z_mm")])};
      Row match = found.stream().filter(r -> r.getAs("study_key").equals(study)
              && Math.abs(r.<Double>getAs(LesionsTable.CENTROID_X_MM) - centroid[0]) < 0.01
              && Math.abs(r.<Double>getAs(LesionsTable.CENTROID_Y_MM) - centroid[1]) < 0.01
              && Math.abs(r.<Double>getAs(LesionsTable.CENTROID_Z_MM) - centroid[2]) < 0.01)
          .findFirst().orElseThrow(() -> new AssertionError("inserted lesion not found: " + line));
      assertEquals(Integer.parseInt(f[header.indexOf("voxels")]), match.<Integer>getAs(LesionsTable.VOXELS), line);
      assertEquals(Double.parseDouble(f[header.indexOf("suv_max")]), match.<Double>getAs(LesionsTable.SUV_MAX), 0.006,
          line);
      assertEquals(Site.BODY_REGION_METHOD, match.getAs(LesionsTable.SITE_METHOD), line);
      String placement = f[header.indexOf("region")];
      for (Map.Entry<String, Set<String>> e : REGIONS.entrySet()) {
        if (placement.contains(e.getKey())) {
          assertTrue(e.getValue().contains(match.<String>getAs(LesionsTable.SITE)),
              placement + " lesion placed in " + match.getAs(LesionsTable.SITE) + ": " + line);
          regionsChecked++;
        }
      }
    }
    assertTrue(regionsChecked >= inserted.size() - 2, "most placements have an expected region");
  }
}
