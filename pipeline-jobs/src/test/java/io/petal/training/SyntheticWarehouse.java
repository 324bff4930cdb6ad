package io.petal.training;

import io.petal.ingest.IngestJob;
import io.petal.jobs.SynthJob;
import io.petal.privacy.Pseudonymizer;
import io.petal.synth.SynthConfig;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** A small synthetic cohort (coarse grid) synthesised and ingested into a warehouse, for job tests. */
public final class SyntheticWarehouse {
  private SyntheticWarehouse() {}

  /** Synthesises {@code normal} + {@code abnormal} patients on the small grid and ingests them. */
  public static Warehouse create(SparkSession spark, Path dir, int normal, int abnormal, long seed) throws Exception {
    return create(spark, dir, normal, abnormal, seed, SynthConfig.small(), 1);
  }

  /**
   * Synthesises {@code normal} + {@code abnormal} patients on {@code grid} with {@code annotators}
   * annotation sources per study ({@link SynthJob.Options#annotators()}) and ingests them.
   */
  public static Warehouse create(SparkSession spark, Path dir, int normal, int abnormal, long seed, SynthConfig grid,
      int annotators) throws Exception {
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());
    String cohort = w.cohort("synthetic");
    SynthJob.run(spark, new SynthJob.Options(cohort, normal, abnormal, seed, false, grid, annotators));
    IngestJob.Summary s = IngestJob.run(spark, new IngestJob.Options(w, cohort + "/" + SynthJob.MANIFEST, null, null),
        new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8)));
    if (s.ingested() != normal + abnormal) {
      throw new IllegalStateException("synthetic cohort did not ingest: " + s);
    }
    return w;
  }
}
