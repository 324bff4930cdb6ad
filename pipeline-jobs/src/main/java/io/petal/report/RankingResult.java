package io.petal.report;

import io.petal.metrics.AurocEstimate;
import io.petal.metrics.CurvePoint;
import io.petal.metrics.ScoreHistogram;
import java.util.List;
import java.util.Objects;

/**
 * How well one method's scores rank positives above negatives at one level (slice: slice score vs
 * "slice contains a lesion"; pixel: voxel value vs "voxel is lesion").
 *
 * @param auroc AUROC with its error bound (NaN when there were no positives or no negatives)
 * @param averagePrecision average precision, the area under the precision-recall curve (AUPRC)
 * @param roc ROC curve points, x = false-positive rate, y = true-positive rate, from (0, 0)
 */
public record RankingResult(AurocEstimate auroc, double averagePrecision, List<CurvePoint> roc) {
  /** ROC points kept by {@link #of(ScoreHistogram)}: plenty for a plot and a table. */
  public static final int DEFAULT_CURVE_POINTS = 200;

  public RankingResult {
    Objects.requireNonNull(auroc, "auroc");
    roc = List.copyOf(roc);
  }

  /** The figures of a finished histogram, the curve downsampled to {@value #DEFAULT_CURVE_POINTS} points. */
  public static RankingResult of(ScoreHistogram scores) {
    return new RankingResult(scores.auroc(), scores.averagePrecision(), scores.rocCurve(DEFAULT_CURVE_POINTS));
  }

  /** A level a method was not scored at: every figure NaN, no curve. */
  public static RankingResult notScored() {
    return new RankingResult(new AurocEstimate(Double.NaN, Double.NaN, 0, 0), Double.NaN, List.of());
  }

  /** False for {@link #notScored()} and whenever the AUROC is undefined. */
  public boolean isDefined() {
    return auroc.isDefined();
  }
}
