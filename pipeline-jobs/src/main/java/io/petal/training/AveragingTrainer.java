package io.petal.training;

import io.petal.BuildInfo;
import io.petal.models.TrainableModel;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-parallel training by synchronous parameter averaging on Spark's own primitives, for any
 * {@link TrainableModel}.
 *
 * <p>The prepared studies are cached, one partition per worker. Each round the driver broadcasts
 * the global {@link ModelState}; every worker takes {@code averagingFrequency} steps on its own
 * next batches ({@link AveragingRound}); the driver averages the workers' weights and optimizer
 * moments ({@link ParameterAverager}). An epoch visits every sample once. After each epoch the
 * model is checkpointed with its card in its {@link ModelFolder}; a run can resume from the last
 * checkpoint.
 */
public final class AveragingTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(AveragingTrainer.class);

  private AveragingTrainer() {}

  /**
   * @param name model name
   * @param architecture for the card
   * @param config the model's configuration properties (for the card)
   * @param seed shuffling and per-step random seed
   * @param validator figures on held-out data after each epoch, or null
   * @param validationRule the held-out rule in words, or null
   */
  public record Run<S, M extends TrainableModel>(String name, String architecture, ModelFolder<M> folder,
      BatchTrainer<S, M> trainer, JavaRDD<S> data, Properties config, long seed, int epochs, int batchSize,
      int averagingFrequency, int workers, ModelCard.TrainingDataCard dataCard, Map<String, String> extraHyper,
      Validator<M> validator, String validationRule) {}

  /** Figures on held-out data after an epoch (e.g. Dice on validation patients). */
  @FunctionalInterface
  public interface Validator<M> {
    Map<String, Double> validate(M model) throws IOException;
  }

  /** Where a run starts: a fresh model at epoch 1, or the last checkpoint. */
  public record Start<M>(M model, int firstEpoch, List<ModelCard.EpochRecord> history, double previousWallSeconds) {}

  /**
   * The start of a run: the last checkpoint when resuming; otherwise a fresh model, refusing to
   * replace an existing model folder unless {@code overwrite}.
   */
  public static <M extends TrainableModel> Start<M> start(ModelFolder<M> folder, String name, boolean resume,
      boolean overwrite, Supplier<M> fresh) throws IOException {
    if (resume) {
      int last = folder.lastCheckpointEpoch();
      if (last == 0) {
        throw new IllegalStateException("cannot resume model '" + name + "': no checkpoint under " + folder.root()
            + " (run without --resume)");
      }
      M model = folder.readCheckpoint(last);
      ModelCard card = folder.readCard();
      List<ModelCard.EpochRecord> history = card == null ? List.of()
          : card.epochs().stream().filter(e -> e.epoch() <= last).toList();
      LOG.info("resuming {} after epoch {} (step {})", name, last, model.iteration());
      return new Start<>(model, last + 1, history, card == null ? 0 : card.wallSeconds());
    }
    if (folder.exists()) {
      if (!overwrite) {
        throw new IllegalStateException("model '" + name + "' already exists under " + folder.root()
            + ": use --resume to continue it, --overwrite to replace it, or another --model");
      }
      folder.delete();
    }
    return new Start<>(fresh.get(), 1, List.of(), 0);
  }

  /** Trains from {@code start} to {@code run.epochs()}; returns the last card written. */
  public static <S, M extends TrainableModel> ModelCard train(JavaSparkContext sc, Run<S, M> run, Start<M> start)
      throws IOException {
    long started = System.nanoTime();
    BatchTrainer<S, M> trainer = run.trainer();
    List<Integer> perPartition = run.data().mapPartitions(it -> {
      int n = 0;
      while (it.hasNext()) {
        n += trainer.samples(it.next()).length;
      }
      return List.of(n).iterator();
    }).collect();
    int maxBatches = perPartition.stream().mapToInt(n -> (n + run.batchSize() - 1) / run.batchSize()).max().orElse(0);
    int rounds = (maxBatches + run.averagingFrequency() - 1) / run.averagingFrequency();
    LOG.info("{}: {} samples per epoch over {} worker(s), batch {}, {} round(s) of {} step(s) per epoch",
        run.name(), run.dataCard().slices(), run.workers(), run.batchSize(), rounds, run.averagingFrequency());
    String runId = UUID.randomUUID().toString();
    ModelState state = ModelState.of(start.model());
    List<ModelCard.EpochRecord> history = new ArrayList<>(start.history());
    TrainingProgress progress = new TrainingProgress(run.name(), start.firstEpoch(), run.epochs(), rounds);
    ModelCard card = null;
    for (int epoch = start.firstEpoch(); epoch <= run.epochs(); epoch++) {
      EpochTotals totals = new EpochTotals(trainer.lossTerms());
      long epochStart = System.nanoTime();
      for (int round = 0; round < rounds; round++) {
        Broadcast<ModelState> b = sc.broadcast(state);
        List<WorkerResult> results = run.data().mapPartitionsWithIndex(new AveragingRound<>(trainer, runId, run.seed(), b,
            epoch, round, run.averagingFrequency(), run.batchSize()), false).collect();
        b.destroy();
        state = ParameterAverager.average(state, results);
        totals.add(results);
        progress.roundDone(epoch, round, totals);
      }
      double seconds = (System.nanoTime() - epochStart) / 1e9;
      state.applyTo(start.model());
      Map<String, Double> validation = run.validator() == null ? Map.of() : run.validator().validate(start.model());
      run.folder().writeCheckpoint(epoch, start.model());
      history.add(totals.record(epoch, seconds, validation, ModelFolder.checkpointName(epoch)));
      card = card(run, history, epoch == run.epochs() ? "complete" : "training",
          start.previousWallSeconds() + (System.nanoTime() - started) / 1e9, sc.master());
      run.folder().writeCard(card);
      progress.epochDone(history.get(history.size() - 1));
    }
    return card;
  }

  private static ModelCard card(Run<?, ?> run, List<ModelCard.EpochRecord> history, String status, double wallSeconds,
      String master) {
    Map<String, String> hyper = new TreeMap<>();
    run.config().stringPropertyNames().forEach(k -> hyper.put(k, run.config().getProperty(k)));
    hyper.put("epochs", Integer.toString(run.epochs()));
    hyper.put("batchSize", Integer.toString(run.batchSize()));
    hyper.put("workers", Integer.toString(run.workers()));
    hyper.put("averagingFrequency", Integer.toString(run.averagingFrequency()));
    hyper.putAll(run.extraHyper());
    return new ModelCard(run.name(), run.architecture(), status, BuildInfo.describe(), Instant.now().toString(),
        run.dataCard(), hyper, run.validationRule(), List.copyOf(history), wallSeconds, master);
  }

  /** Workers: the option, or 1 in local mode, or the cluster's task slots. */
  public static int workers(SparkSession spark, int requested) {
    if (requested > 0) {
      return requested;
    }
    if (spark.sparkContext().isLocal()) {
      return 1;
    }
    int taskCpus = spark.sparkContext().getConf().getInt("spark.task.cpus", 1);
    return Math.max(1, spark.sparkContext().defaultParallelism() / taskCpus);
  }
}
