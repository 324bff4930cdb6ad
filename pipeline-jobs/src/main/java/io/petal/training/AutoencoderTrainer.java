package io.petal.training;

import io.petal.BuildInfo;
import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal train-ae}: trains the dual-branch autoencoder on the warehouse's normal slices,
 * data-parallel over Spark executors by synchronous parameter averaging.
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
  static final String ARCHITECTURE = "dual-branch-masked-autoencoder";

  /**
   * @param epochs total epochs (a resumed run trains up to this number)
   * @param workers data-parallel workers (Spark partitions); 0 = one per task slot on a cluster,
   *     1 in local mode (one JVM, where libnd4j already uses every core)
   * @param averagingFrequency optimizer steps per worker between two averagings
   * @param batchSize slices per step and worker
   * @param split see {@link TrainingSelection}
   * @param overwrite replace an existing model of that name (otherwise refused)
   */
  public record Options(Warehouse warehouse, String model, int epochs, boolean resume, boolean overwrite,
      AutoencoderConfig config, int batchSize, int workers, int averagingFrequency, NormalSliceRule rule, String split) {
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
    long started = System.nanoTime();
    ModelFolder folder = new ModelFolder(o.warehouse().model(o.model()), spark.sparkContext().hadoopConfiguration());
    Start start = start(folder, o);
    AutoencoderConfig config = start.model.config();

    Map<String, StudyInfo> all = StudyImagesReader.studies(spark, o.warehouse(), s -> true);
    TrainingSelection selection = new TrainingSelection(o.split(), o.rule());
    String split = selection.resolveSplit(all.values());
    Map<String, StudyInfo> inSplit = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if (TrainingSelection.inSplit(split).test(v)) {
        inSplit.put(k, v);
      }
    });
    NormalSliceRule rule = o.rule().resolve(inSplit.values().stream().map(StudyInfo::normal).toList());
    Map<String, StudyInfo> eligible = TrainingSelection.eligible(inSplit, rule);
    if (eligible.isEmpty()) {
      throw new IllegalStateException("no training data in " + o.warehouse() + ": split '" + split + "' has "
          + inSplit.size() + " PET/CT studies and none is normal" + (rule == NormalSliceRule.LESION_FREE_SLICES
              ? " or labelled" : "") + " (rule " + rule.optionName() + ")");
    }

    int workers = workers(spark, o.workers());
    TrainingData data = new TrainingData(config.size(), config.pixelSpacingMm(), rule, config.neighbours(),
        config.normalisation());
    JavaRDD<TrainingStudy> prepared = StudyImagesReader.read(spark, o.warehouse(), eligible)
        .map(data::prepare).filter(s -> s.centres().length > 0);
    JavaRDD<TrainingStudy> studies = TrainingPlacement.place(prepared,
        eligible.values().stream().map(StudyInfo::studyKey).toList(), workers, TrainingStudy::studyKey)
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Integer> perPartition = studies.mapPartitions(it -> {
      int n = 0;
      while (it.hasNext()) {
        n += it.next().centres().length;
      }
      return List.of(n).iterator();
    }).collect();
    List<String> studyKeys = studies.map(TrainingStudy::studyKey).collect();
    long slices = perPartition.stream().mapToLong(Integer::longValue).sum();
    if (slices == 0) {
      throw new IllegalStateException("no training slice in " + o.warehouse() + ": the " + eligible.size()
          + " eligible studies have no slice that the rule " + rule.optionName() + " accepts");
    }
    int maxBatches = perPartition.stream().mapToInt(n -> (n + o.batchSize() - 1) / o.batchSize()).max().orElse(0);
    int rounds = (maxBatches + o.averagingFrequency() - 1) / o.averagingFrequency();
    List<StudyInfo> used = studyKeys.stream().map(k -> findStudy(eligible, k)).toList();
    ModelCard.TrainingDataCard dataCard = new ModelCard.TrainingDataCard(
        TrainingSelection.distinct(used, StudyInfo::cohort), split, rule.optionName(),
        TrainingSelection.describe(rule, config.neighbours()), used.size(),
        TrainingSelection.distinct(used, StudyInfo::patientKey).size(), slices);
    LOG.info("train-ae {}: {} studies, {} slices per epoch, {} worker(s), batch {}, {} round(s) of {} step(s) per epoch, "
        + "rule: {}", o.model(), used.size(), slices, workers, o.batchSize(), rounds, o.averagingFrequency(),
        dataCard.selectionRuleText());

    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Properties configProps = config.toProperties();
    String runId = UUID.randomUUID().toString();
    ModelState state = ModelState.of(start.model);
    List<ModelCard.EpochRecord> history = new ArrayList<>(start.history);
    TrainingProgress progress = new TrainingProgress(o.model(), start.firstEpoch, o.epochs(), rounds);
    ModelCard card = start.card;
    try {
      for (int epoch = start.firstEpoch; epoch <= o.epochs(); epoch++) {
        EpochTotals totals = new EpochTotals();
        long epochStart = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
          Broadcast<ModelState> b = sc.broadcast(state);
          List<WorkerResult> results = studies.mapPartitionsWithIndex(
              new TrainingRound(runId, configProps, b, epoch, round, o.averagingFrequency(), o.batchSize()), false)
              .collect();
          b.destroy();
          state = ParameterAverager.average(state, results);
          totals.add(results);
          progress.roundDone(epoch, round, totals);
        }
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        state.applyTo(start.model);
        folder.writeCheckpoint(epoch, start.model);
        history.add(totals.record(epoch, seconds, ModelFolder.checkpointName(epoch)));
        card = card(o, configProps, dataCard, history, epoch == o.epochs() ? "complete" : "training",
            start.previousWallSeconds + (System.nanoTime() - started) / 1e9, spark.sparkContext().master(), workers);
        folder.writeCard(card);
        progress.epochDone(history.get(history.size() - 1));
      }
    } finally {
      studies.unpersist(false);
    }
    return new Result(folder.model(), card);
  }

  private static StudyInfo findStudy(Map<String, StudyInfo> studies, String studyKey) {
    return studies.values().stream().filter(s -> s.studyKey().equals(studyKey)).findFirst().orElseThrow();
  }

  private static ModelCard card(Options o, Properties config, ModelCard.TrainingDataCard data,
      List<ModelCard.EpochRecord> history, String status, double wallSeconds, String master, int workers) {
    Map<String, String> hyper = new java.util.TreeMap<>();
    config.stringPropertyNames().forEach(k -> hyper.put(k, config.getProperty(k)));
    hyper.put("epochs", Integer.toString(o.epochs()));
    hyper.put("batchSize", Integer.toString(o.batchSize()));
    hyper.put("workers", Integer.toString(workers));
    hyper.put("averagingFrequency", Integer.toString(o.averagingFrequency()));
    return new ModelCard(o.model(), ARCHITECTURE, status, BuildInfo.describe(), Instant.now().toString(), data, hyper,
        List.copyOf(history), wallSeconds, master);
  }

  /** Workers: the option, or 1 in local mode, or the cluster's task slots. */
  static int workers(SparkSession spark, int requested) {
    if (requested > 0) {
      return requested;
    }
    if (spark.sparkContext().isLocal()) {
      return 1;
    }
    int taskCpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
    return Math.max(1, spark.sparkContext().defaultParallelism() / taskCpus);
  }

  /** Where a run starts: a fresh model at epoch 1, or the last checkpoint. */
  private record Start(AutoencoderModel model, int firstEpoch, List<ModelCard.EpochRecord> history, ModelCard card,
      double previousWallSeconds) {}

  private static Start start(ModelFolder folder, Options o) throws IOException {
    if (o.resume()) {
      int last = folder.lastCheckpointEpoch();
      if (last == 0) {
        throw new IllegalStateException("cannot resume model '" + o.model() + "': no checkpoint under "
            + folder.root() + " (run without --resume)");
      }
      AutoencoderModel model = folder.readCheckpoint(last);
      ModelCard card = folder.readCard();
      List<ModelCard.EpochRecord> history = card == null ? List.of()
          : card.epochs().stream().filter(e -> e.epoch() <= last).toList();
      if (!model.config().equals(o.config())) {
        LOG.warn("resuming {} with the configuration of its checkpoint (the command line's differs)", o.model());
      }
      LOG.info("resuming {} after epoch {} (step {})", o.model(), last, model.iteration());
      return new Start(model, last + 1, history, card, card == null ? 0 : card.wallSeconds());
    }
    if (folder.exists()) {
      if (!o.overwrite()) {
        throw new IllegalStateException("model '" + o.model() + "' already exists under " + folder.root()
            + ": use --resume to continue it, --overwrite to replace it, or another --model");
      }
      folder.delete();
    }
    return new Start(AutoencoderModel.create(o.config()), 1, List.of(), null, 0);
  }
}
