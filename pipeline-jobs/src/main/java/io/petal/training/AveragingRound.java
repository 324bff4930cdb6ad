package io.petal.training;

import io.petal.models.TrainableModel;
import io.petal.spark.TaskGpu;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One averaging round on one worker: the Spark function applied to each partition of the cached
 * training studies. The worker loads the broadcast global state into its model, takes up to
 * {@code batchesPerRound} steps on its next batches of the epoch ({@link EpochPlan}), and returns
 * its new state.
 */
final class AveragingRound<S, M extends TrainableModel>
    implements Function2<Integer, Iterator<S>, Iterator<WorkerResult>> {
  private static final long serialVersionUID = 1L;

  private final BatchTrainer<S, M> trainer;
  private final String runId;
  private final long seed;
  private final Broadcast<ModelState> state;
  private final int epoch;
  private final int round;
  private final int batchesPerRound;
  private final int batchSize;

  AveragingRound(BatchTrainer<S, M> trainer, String runId, long seed, Broadcast<ModelState> state, int epoch, int round,
      int batchesPerRound, int batchSize) {
    this.trainer = trainer;
    this.runId = runId;
    this.seed = seed;
    this.state = state;
    this.epoch = epoch;
    this.round = round;
    this.batchesPerRound = batchesPerRound;
    this.batchSize = batchSize;
  }

  @Override
  public Iterator<WorkerResult> call(Integer partition, Iterator<S> rows) {
    List<S> studies = new ArrayList<>();
    List<int[]> samples = new ArrayList<>();
    rows.forEachRemaining(s -> {
      studies.add(s);
      samples.add(trainer.samples(s));
    });
    EpochPlan plan = new EpochPlan(samples, seed, epoch, partition, batchSize);
    int first = round * batchesPerRound;
    int last = Math.min(plan.batches(), first + batchesPerRound);
    if (first >= last) {
      return List.of(WorkerResult.idle()).iterator();
    }
    TaskGpu.bind();
    M model = WorkerModels.get(runId, partition, () -> trainer.createModel(partition));
    state.value().applyTo(model);
    double[] sums = new double[trainer.lossTerms().size() + 1];
    long slices = 0;
    long start = System.nanoTime();
    for (int b = first; b < last; b++) {
      SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch * 1_000_003L + b))
          + partition * 0xBF58476D1CE4E5B9L);
      double[] loss = trainer.step(model, studies, plan.studies(b), plan.centres(b), plan.batchLength(b), random);
      for (int t = 0; t < sums.length; t++) {
        sums[t] += loss[t];
      }
      slices += plan.batchLength(b);
    }
    long nanos = System.nanoTime() - start;
    return List.of(new WorkerResult(ModelState.of(model), last - first, slices, sums, nanos)).iterator();
  }
}
