package io.petal.training;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.schema.StudyKind;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal train-ae}: trains the branched autoencoder on the warehouse's normal slices of one
 * study kind (its channel layout, {@link KindChannels}), data-parallel over Spark executors by
 * synchronous parameter averaging.
 *
 * <p>The training slices are resampled onto the network grid once and cached, one partition per
 * worker ({@link TrainingPlacement}: the same studies in the same order on every run). Each
 * round, the driver broadcasts the global state ({@link ModelState}); every worker takes
 * {@code averagingFrequency} Adam steps on its own next batches; the driver averages the workers'
 * weights and Adam moments ({@link ParameterAverager}). An epoch visits every training
 * slice once. After each epoch the model is checkpointed under {@code W/models/<name>/} with its
 * model card; {@code resume} continues from the last checkpoint.
 */
public final class AutoencoderTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(AutoencoderTrainer.class);
  static final String ARCHITECTURE = "branched-masked-autoencoder";

  /**
   * @param epochs total epochs (a resumed run trains up to this number)
   * @param workers data-parallel workers (Spark partitions); 0 = one per task slot on a cluster,
   *     1 in local mode (one JVM, where libnd4j already uses every core)
   * @param averagingFrequency optimizer steps per worker between two averagings
   * @param batchSize slices per step and worker
   * @param split see {@link TrainingSelection}
   * @param overwrite replace an existing model of that name (otherwise refused)
   * @param patients only these pseudonymous patients (e.g. a cross-validation fold), or null for all
   * @param kind the study kind to train on (its channel layout replaces the configuration's), or
   *     null for the warehouse's one kind ({@link KindSelection#resolve})
   */
  public record Options(Warehouse warehouse, String model, int epochs, boolean resume, boolean overwrite,
      AutoencoderConfig config, int batchSize, int workers, int averagingFrequency, NormalSliceRule rule, String split,
      Set<String> patients, StudyKind kind) {
    /** For the warehouse's one kind. */
    public Options(Warehouse warehouse, String model, int epochs, boolean resume, boolean overwrite,
        AutoencoderConfig config, int batchSize, int workers, int averagingFrequency, NormalSliceRule rule,
        String split, Set<String> patients) {
      this(warehouse, model, epochs, resume, overwrite, config, batchSize, workers, averagingFrequency, rule, split,
          patients, null);
    }

    /** Without a patient restriction, for the warehouse's one kind. */
    public Options(Warehouse warehouse, String model, int epochs, boolean resume, boolean overwrite,
        AutoencoderConfig config, int batchSize, int workers, int averagingFrequency, NormalSliceRule rule,
        String split) {
      this(warehouse, model, epochs, resume, overwrite, config, batchSize, workers, averagingFrequency, rule, split,
          null);
    }

    public Options {
      if (epochs < 1 || batchSize < 1 || averagingFrequency < 1 || workers < 0) {
        throw new IllegalArgumentException("epochs, batch size and averaging frequency must be >= 1, workers >= 0");
      }
    }
  }

  /** What a run produced. */
  public record Result(String modelPath, ModelCard card) {}

  private AutoencoderTrainer() {}

  public static Result run(SparkSession spark, Options o) throws IOException {
    Map<String, StudyInfo> all = StudyImagesReader.studies(spark, o.warehouse(), s -> true);
    StudyKind kind = KindSelection.resolve(all.values(), o.kind(), o.warehouse().toString());
    AutoencoderConfig requested = KindSelection.apply(o.config(), kind);
    ModelFolder<AutoencoderModel> folder = folder(spark, o.warehouse(), o.model());
    AveragingTrainer.Start<AutoencoderModel> start =
        AveragingTrainer.start(folder, o.model(), o.resume(), o.overwrite(), () -> AutoencoderModel.create(requested));
    AutoencoderConfig config = start.model().config();
    if (!config.channels().kind().equals(kind.id())) {
      throw new IllegalArgumentException("model " + o.model() + " was trained on " + config.channels().kind()
          + " studies, not " + kind.id() + ": resume it on its own kind or train a new model");
    }
    if (o.resume() && !config.equals(requested)) {
      LOG.warn("resuming {} with the configuration of its checkpoint (the command line's differs)", o.model());
    }

    String split = new TrainingSelection(o.split(), o.rule()).resolveSplit(all.values());
    Map<String, StudyInfo> inSplit = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if (TrainingSelection.inSplit(split, config.channels()).test(v)
          && (o.patients() == null || o.patients().contains(v.patientKey()))) {
        inSplit.put(k, v);
      }
    });
    NormalSliceRule rule = o.rule().resolve(inSplit.values().stream().map(StudyInfo::normal).toList());
    Map<String, StudyInfo> eligible = TrainingSelection.eligible(inSplit, rule);
    if (eligible.isEmpty()) {
      throw new IllegalStateException("no training data in " + o.warehouse() + ": split '" + split + "' has "
          + inSplit.size() + " " + kind.id() + " studies and none is normal" + (rule == NormalSliceRule.LESION_FREE_SLICES
              ? " or labelled" : "") + " (rule " + rule.optionName() + ")");
    }

    int workers = AveragingTrainer.workers(spark, o.workers());
    TrainingData data = new TrainingData(config, rule);
    JavaRDD<TrainingStudy> prepared = StudyImagesReader.read(spark, o.warehouse(), eligible)
        .map(data::prepare).filter(s -> s.centres().length > 0);
    JavaRDD<TrainingStudy> studies = TrainingPlacement.place(prepared,
        eligible.values().stream().map(StudyInfo::studyKey).toList(), workers, TrainingStudy::studyKey)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> keys = studies.map(TrainingStudy::studyKey).collect();
      long slices = studies.map(s -> (long) s.centres().length).fold(0L, Long::sum);
      if (slices == 0) {
        throw new IllegalStateException("no training slice in " + o.warehouse() + ": the " + eligible.size()
            + " eligible studies have no slice that the rule " + rule.optionName() + " accepts");
      }
      List<StudyInfo> used = keys.stream().map(k -> findStudy(eligible, k)).toList();
      ModelCard.TrainingDataCard dataCard = new ModelCard.TrainingDataCard(
          TrainingSelection.distinct(used, StudyInfo::cohort), split, rule.optionName(),
          TrainingSelection.describe(rule, config.neighbours()), used.size(),
          TrainingSelection.distinct(used, StudyInfo::patientKey).size(), slices);
      LOG.info("train-ae {}: {} studies, rule: {}", o.model(), used.size(), dataCard.selectionRuleText());
      AveragingTrainer.Run<TrainingStudy, AutoencoderModel> run = new AveragingTrainer.Run<>(o.model(),
          ARCHITECTURE, folder, new AutoencoderBatchTrainer(config), studies, config.toProperties(), config.seed(),
          o.epochs(), o.batchSize(), o.averagingFrequency(), workers, dataCard, Map.of(), null, null);
      ModelCard card = AveragingTrainer.train(JavaSparkContext.fromSparkContext(spark.sparkContext()), run, start);
      return new Result(folder.model(), card);
    } finally {
      studies.unpersist(false);
    }
  }

  /** The autoencoder folder {@code W/models/<name>}. */
  public static ModelFolder<AutoencoderModel> folder(SparkSession spark, Warehouse w, String name) {
    return new ModelFolder<>(w.model(name), spark.sparkContext().hadoopConfiguration(), AutoencoderBatchTrainer.CODEC);
  }

  private static StudyInfo findStudy(Map<String, StudyInfo> studies, String studyKey) {
    return studies.values().stream().filter(s -> s.studyKey().equals(studyKey)).findFirst().orElseThrow();
  }

}
