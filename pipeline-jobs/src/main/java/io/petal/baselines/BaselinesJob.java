package io.petal.baselines;

import io.petal.evaluation.ScoredStudyReader;
import io.petal.ingest.IngestedTables;
import io.petal.schema.AnomalyTable;
import io.petal.schema.Columns;
import io.petal.schema.MasksTable;
import io.petal.tables.ModelPartitions;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal segment baselines}: the non-learning segmentations every comparison needs, written
 * to {@code W/tables/masks} like a segmentation model's prediction, for every study with a
 * {@code PET} channel: {@link SuvThresholdBaseline} ({@code baseline-suv2.5}),
 * {@link RegionFractionBaseline} ({@code baseline-41pct}) and, when the autoencoder has scored the
 * studies, {@link AnomalyThresholdBaseline} ({@code baseline-anomaly}; a study without an anomaly
 * map gets no row of it).
 *
 * <p>Idempotent: in the cohorts of those studies, the rows of these baselines are replaced and
 * every other model's rows are kept ({@link ModelPartitions}). One Spark task computes a study.
 */
public final class BaselinesJob {
  private static final Logger LOG = LoggerFactory.getLogger(BaselinesJob.class);

  /**
   * @param suvThreshold SUV of the fixed-threshold baseline and of the 41 % baseline's regions
   * @param anomalyModel the autoencoder whose anomaly maps to threshold, or null to skip that baseline
   * @param anomalyThresholdSuv threshold on the anomaly map, SUV
   */
  public record Options(Warehouse warehouse, double suvThreshold, String anomalyModel, double anomalyThresholdSuv) {
    /** Defaults: SUV 2.5, anomaly maps of {@code autoencoder} above 1.0 SUV. */
    public static Options defaults(Warehouse w) {
      return new Options(w, SuvThresholdBaseline.DEFAULT_SUV, "autoencoder",
          AnomalyThresholdBaseline.DEFAULT_THRESHOLD_SUV);
    }
  }

  /**
   * What one run wrote.
   *
   * @param studiesByModel baseline model → studies it now has masks of
   * @param cohorts the cohorts whose baseline rows were replaced
   * @param skipped why a requested baseline was not computed (empty when none was skipped)
   */
  public record Summary(Map<String, Long> studiesByModel, Set<String> cohorts, List<String> skipped) {}

  private BaselinesJob() {}

  public static Summary run(SparkSession spark, Options o) {
    long t0 = System.nanoTime();
    Warehouse w = o.warehouse();
    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, w, s -> s.channelIndex("PET") >= 0);
    if (studies.isEmpty()) {
      throw new IllegalStateException("no study with a PET channel in " + w + ": nothing to segment");
    }
    List<BaselineMethod> methods = new ArrayList<>(List.of(new SuvThresholdBaseline(o.suvThreshold()),
        new RegionFractionBaseline(o.suvThreshold(), RegionFractionBaseline.DEFAULT_FRACTION)));
    List<String> skipped = new ArrayList<>();
    String anomalyModel = null;
    if (o.anomalyModel() != null) {
      if (hasAnomalyMaps(spark, w, o.anomalyModel())) {
        anomalyModel = o.anomalyModel();
        methods.add(new AnomalyThresholdBaseline(o.anomalyThresholdSuv()));
      } else {
        skipped.add(AnomalyThresholdBaseline.MODEL + ": no anomaly maps of model '" + o.anomalyModel() + "' in "
            + w.table(AnomalyTable.NAME) + " (run petal score --model " + o.anomalyModel() + " first)");
        LOG.warn("baselines: {}", skipped.get(skipped.size() - 1));
      }
    }
    Set<String> models = new LinkedHashSet<>();
    methods.forEach(m -> models.add(m.model()));
    Set<String> cohorts = new TreeSet<>();
    studies.values().forEach(s -> cohorts.add(s.cohort()));

    List<BaselineMethod> shipped = List.copyOf(methods);
    JavaRDD<Row> rows = ScoredStudyReader.read(spark, w, studies, anomalyModel, Set.of()).flatMap(s -> {
      List<Row> out = new ArrayList<>();
      for (BaselineMethod m : shipped) {
        if (!m.needsAnomaly() || s.anomaly() != null) {
          out.addAll(MaskRows.of(s.images().info(), m.model(), m.predict(s.images(), s.anomaly())));
        }
      }
      return out.iterator();
    });
    ModelPartitions.replace(spark, w, MasksTable.INSTANCE, spark.createDataFrame(rows, MasksTable.INSTANCE.schema()),
        MasksTable.MODEL, models, cohorts);

    Map<String, Long> studiesByModel = new TreeMap<>();
    models.forEach(m -> studiesByModel.put(m, 0L));
    Dataset<Row> written = IngestedTables.read(spark, w, MasksTable.INSTANCE)
        .filter(functions.col(MasksTable.MODEL).isin(models.toArray()))
        .groupBy(MasksTable.MODEL).agg(functions.countDistinct(Columns.COHORT, Columns.STUDY_KEY));
    for (Row r : written.collectAsList()) {
      studiesByModel.put(r.getString(0), r.getLong(1));
    }
    long missing = studies.size() - studiesByModel.getOrDefault(AnomalyThresholdBaseline.MODEL, 0L);
    if (anomalyModel != null && missing > 0) {
      LOG.warn("baselines: {} of {} studies have no anomaly map of model {} and no {} mask", missing, studies.size(),
          anomalyModel, AnomalyThresholdBaseline.MODEL);
    }
    LOG.info("baselines: {} in cohorts {} in {} ms", studiesByModel, cohorts, (System.nanoTime() - t0) / 1_000_000);
    return new Summary(studiesByModel, cohorts, skipped);
  }

  private static boolean hasAnomalyMaps(SparkSession spark, Warehouse w, String model) {
    Dataset<Row> anomaly = IngestedTables.readIfExists(spark, w, AnomalyTable.INSTANCE);
    return anomaly != null && !anomaly.filter(functions.col(AnomalyTable.MODEL).equalTo(model)).isEmpty();
  }
}
