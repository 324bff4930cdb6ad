package io.petal.evaluation;

import io.petal.metrics.ScoreHistogram;
import java.io.Serializable;

/**
 * One ranking method's pixel- and slice-level score histograms over a cohort, mergeable (never the
 * scores themselves): the anomaly map's, or a segmentation model's probability. Binning as
 * described in {@link CohortMetrics}.
 */
public final class RankingHistograms implements Serializable {
  private static final long serialVersionUID = 1L;
  private final ScoreHistogram pixel = new ScoreHistogram();
  private final ScoreHistogram slice = new ScoreHistogram(CohortMetrics.SLICE_MANTISSA_BITS);

  /** Score of each voxel vs "voxel is lesion" (first annotation source). */
  public ScoreHistogram pixel() {
    return pixel;
  }

  /** Score of each slice vs "slice has a lesion voxel" (first annotation source). */
  public ScoreHistogram slice() {
    return slice;
  }

  /** Adds everything of {@code other} to this and returns this. */
  public RankingHistograms merge(RankingHistograms other) {
    pixel.merge(other.pixel);
    slice.merge(other.slice);
    return this;
  }
}
