package io.petal.evaluation;

import io.petal.report.FoldResult;
import io.petal.report.KeyFigures;
import io.petal.report.RankingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates a cross-validation's folds: the figures of each fold's held-out patients, and all
 * held-out patients pooled. Pooling concatenates the per-study results (each study is held out by
 * exactly one fold) and merges the folds' score histograms, so the pooled AUROC ranks every
 * held-out voxel and slice, each scored by the autoencoder of its own fold.
 */
public final class FoldAggregation {
  private FoldAggregation() {}

  /**
   * One {@link FoldResult} per fold, in fold order: train / test patient counts, the fold's anomaly
   * map rankings and the segmentation figures of {@code segmentationMethod} (none when null).
   */
  public static List<FoldResult> perFold(List<FoldOutcome> outcomes, String segmentationMethod) {
    List<FoldResult> out = new ArrayList<>();
    for (FoldOutcome o : sorted(outcomes)) {
      CohortMetrics m = o.metrics();
      boolean ranked = m.anomalyScored();
      out.add(new FoldResult(o.fold().number(), o.fold().trainPatients().size(), o.fold().testPatients().size(),
          KeyFigures.ofPatients(ranked ? RankingResult.of(m.slice()) : RankingResult.notScored(),
              ranked ? RankingResult.of(m.pixel()) : RankingResult.notScored(),
              segmentationMethod == null ? List.of() : m.patients(segmentationMethod))));
    }
    return out;
  }

  /** Every fold's held-out results in one {@link CohortMetrics}. */
  public static CohortMetrics pooled(List<FoldOutcome> outcomes) {
    CohortMetrics all = new CohortMetrics();
    for (FoldOutcome o : sorted(outcomes)) {
      all.merge(o.metrics());
    }
    return all;
  }

  private static List<FoldOutcome> sorted(List<FoldOutcome> outcomes) {
    List<FoldOutcome> s = new ArrayList<>(outcomes);
    s.sort(java.util.Comparator.comparingInt(o -> o.fold().number()));
    return s;
  }
}
