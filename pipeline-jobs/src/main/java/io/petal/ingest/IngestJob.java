package io.petal.ingest;

import io.petal.privacy.Pseudonymizer;
import io.petal.schema.Columns;
import io.petal.schema.QuarantineTable;
import io.petal.schema.StudiesTable;
import io.petal.spark.SerializableHadoopConf;
import io.petal.tables.CohortPartitions;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal ingest}: studies from a manifest, autoPET-layout or BraTS-layout NIfTI folders or
 * DICOM folders ({@link InputFolderScanner} decides which) into
 * {@code W/tables/{studies,slices,quarantine}}. One Spark task per study.
 *
 * <p>Incremental and restartable: a study whose input bytes hash to what the tables already hold
 * (ingested or quarantined) is skipped; each study's slices file is committed atomically by its
 * task; then the studies and quarantine rows of the cohort are rewritten in one Spark
 * dynamic-partition overwrite. A run killed half-way leaves at most slices files whose study row
 * was never committed; the next run re-ingests those studies and replaces the files, so nothing
 * is duplicated or missing. Readers should take slices of committed studies only
 * ({@link IngestedTables#slices}). One ingest at a time per warehouse.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  /** Cohort of {@code --input} studies when no {@code --cohort} is given. */
  public static final String DEFAULT_INPUT_COHORT = "default";
  /** Stage name in the quarantine table. */
  public static final String STAGE = "ingest";

  /**
   * @param manifest  manifest file, or null
   * @param inputs    autoPET-layout or DICOM folders (when no manifest)
   * @param cohort    cohort name, or null for the manifest's or first input's folder name
   */
  public record Options(Warehouse warehouse, String manifest, List<String> inputs, String cohort) {}

  /** Counts of one run. */
  public record Summary(String cohort, int ingested, int unchanged, int quarantined) {}

  private IngestJob() {}

  public static Summary run(SparkSession spark, Options o, Pseudonymizer pseudonyms) throws IOException {
    long t0 = System.nanoTime();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    DiscoveredStudies found = discover(spark, o, conf);
    long tDiscovered = System.nanoTime();
    String cohort = found.cohort();
    Warehouse w = o.warehouse();
    // the cohort's current rows, read once: their hashes decide what to skip, and they are merged at commit
    List<Row> oldStudies = CohortPartitions.rows(spark, w, StudiesTable.INSTANCE, cohort);
    List<Row> oldQuarantine = CohortPartitions.rows(spark, w, QuarantineTable.INSTANCE, cohort);
    Map<String, String> known = knownHashes(oldQuarantine, oldStudies);
    long tKnown = System.nanoTime();
    // the slices writer's settings once, not a copy of the Hadoop configuration per study
    IngestTask task = new IngestTask(w.table("slices"), pseudonyms,
        new SerializableHadoopConf(SlicesFileWriter.writerConf(conf)), known);
    LOG.info("ingest: cohort {}: {} studies found, {} refused at discovery, {} already known", cohort,
        found.studies().size(), found.refused().size(), known.size());

    List<IngestOutcome> outcomes = new ArrayList<>(found.refused());
    if (!found.studies().isEmpty()) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      // one copy of the task per executor, not one per study: its Hadoop configuration alone takes
      // milliseconds to deserialise, and its known hashes grow with the warehouse
      Broadcast<IngestTask> shared = jsc.broadcast(task);
      try {
        outcomes.addAll(jsc.parallelize(found.studies(), found.studies().size())
            .map(s -> shared.value().ingest(s))
            .collect());
      } finally {
        shared.destroy();
      }
    }
    long tStudies = System.nanoTime();
    commit(spark, w, cohort, outcomes, oldStudies, oldQuarantine);
    long tCommitted = System.nanoTime();
    Summary s = new Summary(cohort, count(outcomes, IngestOutcome.Status.INGESTED),
        count(outcomes, IngestOutcome.Status.UNCHANGED), count(outcomes, IngestOutcome.Status.QUARANTINED));
    LOG.info("ingest: cohort {}: {} ingested, {} unchanged, {} quarantined in {} ms", cohort, s.ingested(),
        s.unchanged(), s.quarantined(), (tCommitted - t0) / 1_000_000);
    LOG.info("ingest: cohort {}: discovery {} ms, reading known hashes {} ms, studies {} ms, commit {} ms", cohort,
        (tDiscovered - t0) / 1_000_000, (tKnown - tDiscovered) / 1_000_000, (tStudies - tKnown) / 1_000_000,
        (tCommitted - tStudies) / 1_000_000);
    return s;
  }

  private static DiscoveredStudies discover(SparkSession spark, Options o, Configuration conf) throws IOException {
    if (o.manifest() != null) {
      return ManifestReader.read(spark, o.manifest(), o.cohort());
    }
    if (o.inputs() == null || o.inputs().isEmpty()) {
      throw new IllegalArgumentException("nothing to ingest: give --manifest FILE or --input PATH");
    }
    // Input folder names may be patient ids, so they never name the cohort by default.
    String cohort = o.cohort() != null ? o.cohort() : DEFAULT_INPUT_COHORT;
    List<StudySource> studies = new ArrayList<>();
    List<IngestOutcome> refused = new ArrayList<>();
    for (String in : o.inputs()) {
      DiscoveredStudies here = InputFolderScanner.scan(in, cohort, conf);
      studies.addAll(here.studies());
      refused.addAll(here.refused());
    }
    return new DiscoveredStudies(cohort, studies, refused);
  }

  /**
   * study_key → content hash already in the quarantine or studies rows (a study's studies row
   * wins over an older quarantine row of the same study).
   */
  private static Map<String, String> knownHashes(List<Row> quarantine, List<Row> studies) {
    Map<String, String> known = new HashMap<>();
    for (List<Row> rows : List.of(quarantine, studies)) {
      for (Row r : rows) {
        String key = r.getAs(Columns.STUDY_KEY);
        String hash = r.getAs(StudiesTable.CONTENT_HASH);
        if (key != null && hash != null) {
          known.put(key, hash);
        }
      }
    }
    return known;
  }

  /** Rewrites the cohort's partition of studies and quarantine with this run's outcomes merged in. */
  private static void commit(SparkSession spark, Warehouse w, String cohort, List<IngestOutcome> outcomes,
      List<Row> oldStudies, List<Row> oldQuarantine) {
    Timestamp now = Timestamp.from(Instant.now());
    Set<String> ingestedKeys = new HashSet<>();
    Set<String> touchedRefs = new HashSet<>();
    List<Row> newStudies = new ArrayList<>();
    List<Row> newQuarantine = new ArrayList<>();
    for (IngestOutcome o : outcomes) {
      switch (o.status()) {
        case INGESTED -> {
          ingestedKeys.add(o.studyKey());
          touchedRefs.add(o.sourceRef());
          newStudies.add(IngestRows.study(o, now));
        }
        case QUARANTINED -> {
          touchedRefs.add(o.sourceRef());
          newQuarantine.add(IngestRows.quarantine(o, STAGE, now));
        }
        case UNCHANGED -> { }
      }
    }
    if (newStudies.isEmpty() && newQuarantine.isEmpty()) {
      return;
    }
    List<Row> studies = new ArrayList<>(oldStudies.stream()
        .filter(r -> !ingestedKeys.contains(r.<String>getAs(Columns.STUDY_KEY))).toList());
    studies.addAll(newStudies);
    List<Row> quarantine = new ArrayList<>(oldQuarantine.stream()
        .filter(r -> !touchedRefs.contains(r.<String>getAs(QuarantineTable.SOURCE))
            && !ingestedKeys.contains(r.<String>getAs(Columns.STUDY_KEY))).toList());
    quarantine.addAll(newQuarantine);
    CohortPartitions.replace(spark, w, StudiesTable.INSTANCE, cohort, studies);
    CohortPartitions.replace(spark, w, QuarantineTable.INSTANCE, cohort, quarantine);
  }

  private static int count(List<IngestOutcome> os, IngestOutcome.Status s) {
    return (int) os.stream().filter(o -> o.status() == s).count();
  }
}
