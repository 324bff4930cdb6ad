package io.petal.training;

import io.petal.models.TrainableModel;
import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a data-parallel worker does with one kind of model: which slices of a study it trains on,
 * and how one optimizer step fills a batch from them. {@link AveragingRound} runs it on each
 * Spark partition; {@link AveragingTrainer} averages the workers.
 *
 * @param <S> a prepared study (cached in the partitions)
 * @param <M> the model
 */
public interface BatchTrainer<S, M extends TrainableModel> extends Serializable {
  /** A model for one worker; its weights are replaced by the broadcast state before each round. */
  M createModel(int partition);

  /** The centre slices of {@code study} that are training samples. */
  int[] samples(S study);

  /** Names of the loss terms {@link #step} returns after the total, e.g. {@code [pet, ct]}. */
  List<String> lossTerms();

  /**
   * One optimizer step on {@code n} samples: sample j is centre slice {@code centres[j]} of
   * {@code studies.get(studyIndex[j])}.
   *
   * @param random this step's random state (seeded by run, epoch, partition and step)
   * @return the step's losses: the total, then one value per {@link #lossTerms()} entry
   */
  double[] step(M model, List<S> studies, int[] studyIndex, int[] centres, int n, SplittableRandom random);
}
