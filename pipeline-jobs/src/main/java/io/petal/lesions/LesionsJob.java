package io.petal.lesions;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.LesionSummaryTable;
import io.petal.schema.LesionsTable;
import io.petal.schema.StudiesTable;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.CohortPartitions;
import io.petal.warehouse.Warehouse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
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

  /** What one run measured. */
  public record Summary(int studies, long masks, long lesions, Set<String> cohorts) {}

  private LesionsJob() {}

  public static Summary run(SparkSession spark, Options o) {
    long t0 = System.nanoTime();
    Warehouse w = o.warehouse();
    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, w,
        s -> o.cohorts().isEmpty() || o.cohorts().contains(s.cohort()));
    Set<String> cohorts = studies.values().stream().map(StudyInfo::cohort).collect(Collectors.toCollection(TreeSet::new));
    for (String wanted : o.cohorts()) {
      if (!cohorts.contains(wanted)) {
        throw new IllegalArgumentException("cohort " + wanted + " has no study in " + w.table(StudiesTable.NAME)
            + " (cohorts there: " + allCohorts(spark, w) + ")");
      }
    }
    int total = studies.size();
    studies.values().removeIf(s -> !StudyLesionAnalyser.measurable(s));
    if (studies.size() < total) {
      LOG.info("lesions: {} of {} studies have no {} channel and are not measured", total - studies.size(), total,
          StudyLesionAnalyser.PET);
    }
    StudyLesionAnalyser analyser = new StudyLesionAnalyser(metadata(spark, w, studies));
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

  /** {@code studies.metadata} of the selected studies, by {@link StudyImagesReader#key}. */
  private static Map<String, Map<String, String>> metadata(SparkSession spark, Warehouse w,
      Map<String, StudyInfo> studies) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Row r : IngestedTables.read(spark, w, StudiesTable.INSTANCE)
        .select(Columns.COHORT, Columns.STUDY_KEY, StudiesTable.METADATA).collectAsList()) {
      String key = r.getString(0) + "/" + r.getString(1);
      if (studies.containsKey(key) && !r.isNullAt(2)) {
        out.put(key, new HashMap<>(r.<String, String>getJavaMap(2)));
      }
    }
    return out;
  }

  private static Set<String> allCohorts(SparkSession spark, Warehouse w) {
    return StudyImagesReader.studies(spark, w, s -> true).values().stream().map(StudyInfo::cohort)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
