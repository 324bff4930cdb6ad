package io.petal.lesions;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.LesionSummaryTable;
import io.petal.schema.LesionsTable;
import io.petal.schema.StudiesTable;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.tables.CohortPartitions;
import io.petal.warehouse.Warehouse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal lesions}: lesion statistics of every study with a PET channel, on each of its
 * annotations ({@code slices.labels}) and each model's predicted mask ({@code masks}, when that
 * table exists), into {@code W/tables/lesions} (one row per lesion) and
 * {@code W/tables/lesion_summary} (one row per study and mask). See {@link LesionsTable} for the
 * definitions (SUVmax/mean/peak, MTV, TLG, CT mean, centroid, bounding box, site).
 *
 * <p>Idempotent: the cohorts it measured are replaced whole in both tables
 * ({@link CohortPartitions}); other cohorts' rows are kept. One Spark task measures a study.
 */
public final class LesionsJob {
  private static final Logger LOG = LoggerFactory.getLogger(LesionsJob.class);

  /** @param cohorts cohorts to measure; empty for all */
  public record Options(Warehouse warehouse, Set<String> cohorts) {
    public Options {
      cohorts = Set.copyOf(cohorts);
    }
  }

  /**
   * What one run measured.
   *
   * @param studies studies with at least one mask (annotation or prediction)
   * @param masks masks measured (rows of {@code lesion_summary})
   * @param lesions lesions found (rows of {@code lesions})
   * @param cohorts the cohorts whose partitions were replaced
   */
  public record Summary(int studies, long masks, long lesions, Set<String> cohorts) {}

  private LesionsJob() {}

  public static Summary run(SparkSession spark, Options o) {
    long t0 = System.nanoTime();
    Warehouse w = o.warehouse();
    Map<String, StudyInfo> studies = new LinkedHashMap<>();
    Map<String, Site> studySites = new HashMap<>();
    Set<String> known = new TreeSet<>();
    int unmeasurable = 0;
    for (Row r : IngestedTables.read(spark, w, StudiesTable.INSTANCE).collectAsList()) {
      StudyInfo info = StudyInfo.of(r);
      known.add(info.cohort());
      if (!o.cohorts().isEmpty() && !o.cohorts().contains(info.cohort())) {
        continue;
      }
      if (!StudyLesionAnalyser.measurable(info)) {
        unmeasurable++;
        continue;
      }
      String key = StudyImagesReader.key(info);
      studies.put(key, info);
      Site site = SiteResolver.studySite(r.getJavaMap(r.fieldIndex(StudiesTable.METADATA)));
      if (site != null) {
        studySites.put(key, site);
      }
    }
    Set<String> cohorts = new TreeSet<>(o.cohorts().isEmpty() ? known : o.cohorts());
    if (!known.containsAll(cohorts)) {
      cohorts.removeAll(known);
      throw new IllegalArgumentException("cohort(s) " + cohorts + " have no study in " + w.table(StudiesTable.NAME)
          + " (cohorts there: " + known + ")");
    }
    if (unmeasurable > 0) {
      LOG.info("lesions: {} studies have no {} channel and are not measured", unmeasurable, StudyLesionAnalyser.PET);
    }
    StudyLesionAnalyser analyser = new StudyLesionAnalyser(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(studySites));
    JavaRDD<StudyLesions> measured = LesionInputsReader.read(spark, w, studies).map(analyser::analyse)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> lesions = spark.createDataFrame(measured.flatMap(s -> LesionRows.lesions(s).iterator()),
          LesionsTable.INSTANCE.schema());
      Dataset<Row> summary = spark.createDataFrame(measured.flatMap(s -> LesionRows.summaries(s).iterator()),
          LesionSummaryTable.INSTANCE.schema());
      CohortPartitions.replace(spark, w, LesionsTable.INSTANCE, lesions, cohorts);
      CohortPartitions.replace(spark, w, LesionSummaryTable.INSTANCE, summary, cohorts);
      Row counts = summary.agg(functions.countDistinct(Columns.COHORT, Columns.STUDY_KEY), functions.count("*"),
          functions.coalesce(functions.sum(LesionSummaryTable.LESION_COUNT), functions.lit(0L))).first();
      Summary s = new Summary((int) counts.getLong(0), counts.getLong(1), counts.getLong(2), cohorts);
      LOG.info("lesions: {} studies, {} masks, {} lesions in cohorts {} in {} ms", s.studies(), s.masks(),
          s.lesions(), cohorts, (System.nanoTime() - t0) / 1_000_000);
      return s;
    } finally {
      measured.unpersist(false);
    }
  }
}
