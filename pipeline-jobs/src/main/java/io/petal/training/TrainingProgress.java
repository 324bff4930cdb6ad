package io.petal.training;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs training progress: epoch and round, running loss, throughput (slices/s) and the time left. */
final class TrainingProgress {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingProgress.class);

  private final String model;
  private final int lastEpoch;
  private final int roundsPerEpoch;
  private final long totalRounds;
  private final long start = System.nanoTime();
  private long roundsDone;
  private long slicesDone;
  private long epochSlices;

  TrainingProgress(String model, int firstEpoch, int lastEpoch, int roundsPerEpoch) {
    this.model = model;
    this.lastEpoch = lastEpoch;
    this.roundsPerEpoch = roundsPerEpoch;
    this.totalRounds = (long) (lastEpoch - firstEpoch + 1) * roundsPerEpoch;
  }

  void roundDone(int epoch, int round, EpochTotals totals) {
    roundsDone++;
    slicesDone += totals.slices() - epochSlices;
    epochSlices = totals.slices();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long left = Math.round(elapsed / roundsDone * (totalRounds - roundsDone));
    LOG.info(String.format(java.util.Locale.ROOT, "train-ae %s: epoch %d/%d round %d/%d  loss %.5f  %.1f slices/s  ETA %s",
        model, epoch, lastEpoch, round + 1, roundsPerEpoch, totals.meanLoss(), slicesDone / Math.max(elapsed, 1e-9),
        Duration.ofSeconds(left).toString().substring(2).toLowerCase(java.util.Locale.ROOT)));
  }

  void epochDone(ModelCard.EpochRecord e) {
    epochSlices = 0;
    LOG.info(String.format(java.util.Locale.ROOT,
        "train-ae %s: epoch %d done  loss %.5f (PET %.5f, CT %.5f)  %d slices in %.1f s (%.1f slices/s, %.0f %% in "
            + "training steps)  -> %s", model, e.epoch(), e.loss(), e.petLoss(), e.ctLoss(), e.slices(), e.seconds(),
        e.slicesPerSecond(), 100 * e.computeSeconds() / Math.max(e.seconds(), 1e-9), e.checkpoint()));
  }
}
