package io.petal.training;

import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.StepLoss;
import io.petal.spark.TaskGpu;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One averaging round on one worker: the Spark function applied to each partition of the cached
 * training studies. The worker loads the broadcast global state into its model, takes up to
 * {@code batchesPerRound} steps on its next batches of the epoch, and returns its new state.
 */
final class TrainingRound implements Function2<Integer, Iterator<TrainingStudy>, Iterator<WorkerResult>>,
    Serializable {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private final Properties config;
  private final Broadcast<ModelState> state;
  private final int epoch;
  private final int round;
  private final int batchesPerRound;
  private final int batchSize;

  /**
   * @param runId identifies the training run (worker models are cached per run)
   * @param config {@link AutoencoderConfig#toProperties()} of the model
   * @param state the global state at the start of the round
   * @param epoch epoch number (shuffling seed)
   * @param round round within the epoch, from 0
   */
  TrainingRound(String runId, Properties config, Broadcast<ModelState> state, int epoch, int round,
      int batchesPerRound, int batchSize) {
    this.runId = runId;
    this.config = config;
    this.state = state;
    this.epoch = epoch;
    this.round = round;
    this.batchesPerRound = batchesPerRound;
    this.batchSize = batchSize;
  }

  @Override
  public Iterator<WorkerResult> call(Integer partition, Iterator<TrainingStudy> rows) {
    List<TrainingStudy> studies = new ArrayList<>();
    rows.forEachRemaining(studies::add);
    AutoencoderConfig c = AutoencoderConfig.fromProperties(config);
    EpochPlan plan = new EpochPlan(studies, c.seed(), epoch, partition, batchSize);
    int first = round * batchesPerRound;
    int last = Math.min(plan.batches(), first + batchesPerRound);
    if (first >= last) {
      return List.of(WorkerResult.idle()).iterator();
    }
    TaskGpu.bind();
    AutoencoderModel model = WorkerModels.get(runId, partition, c);
    state.value().applyTo(model);
    int window = c.slices() * c.size() * c.size();
    float[] pet = new float[batchSize * window];
    float[] ct = new float[batchSize * window];
    double loss = 0;
    double petLoss = 0;
    double ctLoss = 0;
    long slices = 0;
    long start = System.nanoTime();
    for (int b = first; b < last; b++) {
      int n = plan.batchLength(b);
      for (int j = 0; j < n; j++) {
        studies.get(plan.study(b, j)).stack().copyWindow(plan.centre(b, j), c.neighbours(), pet, ct, j * window);
      }
      StepLoss l = n == batchSize ? model.fitBatch(pet, ct, null, n)
          : model.fitBatch(Arrays.copyOf(pet, n * window), Arrays.copyOf(ct, n * window), null, n);
      loss += l.total();
      petLoss += l.pet();
      ctLoss += l.ct();
      slices += n;
    }
    long nanos = System.nanoTime() - start;
    return List.of(new WorkerResult(ModelState.of(model), last - first, slices, loss, petLoss, ctLoss, nanos)).iterator();
  }
}
