package io.petal.scoring;

import io.petal.models.AutoencoderModel;
import io.petal.models.ModelChannels;
import io.petal.schema.AnomalyTable;
import io.petal.schema.QuarantineTable;
import io.petal.schema.TensorCodec;
import io.petal.spark.TaskGpu;
import io.petal.tables.CohortPartitions;
import io.petal.tables.ModelPartitions;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.training.KindChannels;
import io.petal.warehouse.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal score}: cohort-wide anomaly maps and slice scores with a trained autoencoder,
 * written to {@code W/tables/anomaly} (partitions cohort / model replaced as a whole, so a re-run
 * never duplicates rows). Studies are scored inside Spark partitions in batches; a study that
 * cannot be scored is quarantined (stage {@code score}) with its reason and the others land.
 */
public final class ScoringJob {
  private static final Logger LOG = LoggerFactory.getLogger(ScoringJob.class);
  public static final String STAGE = "score";

  /** @param patients only these pseudonymous patients' studies, or null for every study */
  public record Options(Warehouse warehouse, String model, ScoringSettings settings, Set<String> patients) {
    public Options(Warehouse warehouse, String model, ScoringSettings settings) {
      this(warehouse, model, settings, null);
    }
  }

  /** What a run did: studies and slices scored, studies quarantined. */
  public record Summary(String model, int studies, long slices, int quarantined) {}

  private ScoringJob() {}

  public static Summary run(SparkSession spark, Options o) throws IOException {
    long t0 = System.nanoTime();
    ModelBytes modelBytes = ModelBytes.read(o.warehouse(), o.model(), spark.sparkContext().hadoopConfiguration(),
        "train-ae");
    byte[] bytes = modelBytes.bytes();
    AutoencoderModel check = AutoencoderModel.load(new ByteArrayInputStream(bytes));
    ModelChannels layout = check.config().channels();
    LOG.info("score: model {} ({} {}, {} parameters, {}x{} pixels {}), threshold {}", o.model(), layout.kind(),
        layout.names(), check.parameterCount(), check.config().size(), check.config().size(),
        layout.fitFieldOfView() ? "fitted to each study's field of view" : "of " + check.config().pixelSpacingMm() + " mm",
        MaskThreshold.describe(o.settings(), layout));

    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, o.warehouse(),
        s -> KindChannels.fits(s, layout) && (o.patients() == null || o.patients().contains(s.patientKey())));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ModelBytes> model = sc.broadcast(modelBytes);
    CollectionAccumulator<List<String>> failures = sc.sc().collectionAccumulator("score failures");
    String name = o.model();
    ScoringSettings settings = o.settings();
    JavaRDD<Row> rows = StudyImagesReader.read(spark, o.warehouse(), studies).mapPartitions(it -> {
      TaskGpu.bind();
      AnomalyMapper mapper = new AnomalyMapper(model.value().load(AutoencoderModel::load), settings);
      List<Row> out = new ArrayList<>();
      while (it.hasNext()) {
        StudyImages s = it.next();
        try {
          out.addAll(rows(name, s, mapper.map(s)));
        } catch (RuntimeException e) {
          failures.add(List.of(s.info().cohort(), s.info().studyKey(), io.petal.errors.CauseChain.describe(e)));
        }
      }
      return out.iterator();
    });
    // Stages are named after this job in the Spark UI (not after the shared writer).
    sc.setCallSite("anomaly maps of " + name + " at ScoringJob.java");
    try {
      ModelPartitions.replace(o.warehouse(), AnomalyTable.INSTANCE,
          spark.createDataFrame(rows, AnomalyTable.INSTANCE.schema()));
    } finally {
      sc.clearCallSite();
    }
    model.destroy();

    List<List<String>> failed = dedupe(failures.value());
    quarantine(spark, o.warehouse(), failed);
    long slices = spark.read().parquet(o.warehouse().table(AnomalyTable.NAME))
        .filter(org.apache.spark.sql.functions.col(AnomalyTable.MODEL).equalTo(o.model())).count();
    Summary s = new Summary(o.model(), studies.size() - failed.size(), slices, failed.size());
    LOG.info("score: {} studies, {} slices scored, {} quarantined in {} s", s.studies(), s.slices(), s.quarantined(),
        (System.nanoTime() - t0) / 1_000_000_000);
    return s;
  }

  private static List<Row> rows(String model, StudyImages s, StudyAnomaly a) {
    StudyInfo info = s.info();
    int nx = info.grid().nx();
    int ny = info.grid().ny();
    int plane = nx * ny;
    List<Row> out = new ArrayList<>(info.grid().nz());
    for (int k = 0; k < info.grid().nz(); k++) {
      float[] slice = java.util.Arrays.copyOfRange(a.anomaly(), k * plane, (k + 1) * plane);
      out.add(RowFactory.create(info.cohort(), model, info.patientKey(), info.studyKey(), k, nx, ny,
          TensorCodec.encodeFloats(slice), a.sliceScores()[k], a.threshold(), a.hiddenFractions()[k],
          AnomalyTable.VERSION));
    }
    return out;
  }

  /** One failure per (cohort, study); a retried task may report one twice. */
  private static List<List<String>> dedupe(List<List<String>> failures) {
    Map<String, List<String>> byStudy = new TreeMap<>();
    for (List<String> f : failures) {
      byStudy.put(f.get(0) + "/" + f.get(1), f);
    }
    return new ArrayList<>(byStudy.values());
  }

  /** Replaces earlier score-stage quarantine rows of the affected cohorts' studies. */
  private static void quarantine(SparkSession spark, Warehouse w, List<List<String>> failed) {
    Map<String, List<List<String>>> byCohort = new TreeMap<>();
    for (List<String> f : failed) {
      byCohort.computeIfAbsent(f.get(0), c -> new ArrayList<>()).add(f);
    }
    Timestamp now = Timestamp.from(Instant.now());
    byCohort.forEach((cohort, fs) -> {
      List<String> keys = fs.stream().map(f -> f.get(1)).toList();
      List<Row> rows = new ArrayList<>(CohortPartitions.rows(spark, w, QuarantineTable.INSTANCE, cohort).stream()
          .filter(r -> !(STAGE.equals(r.getAs(QuarantineTable.STAGE)) && keys.contains(r.<String>getAs("study_key"))))
          .toList());
      for (List<String> f : fs) {
        LOG.warn("score: study {} quarantined: {}", f.get(1), f.get(2));
        rows.add(RowFactory.create(cohort, f.get(1), "study " + f.get(1), STAGE, f.get(2), null, now,
            QuarantineTable.VERSION));
      }
      CohortPartitions.replace(spark, w, QuarantineTable.INSTANCE, cohort, rows);
    });
  }
}
