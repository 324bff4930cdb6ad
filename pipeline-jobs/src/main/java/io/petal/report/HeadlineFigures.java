package io.petal.report;

import java.util.Objects;

/**
 * The figures at the top of a report and in {@code summary.json}: the ranking figures (AUROC,
 * AUPRC) of one method, usually the anomaly map, and the segmentation figures (Dice, FPV, FNV,
 * sensitivity) of another, usually the anomaly-guided U-Net.
 *
 * @param rankingMethod the method the AUROC / AUPRC figures are of
 * @param segmentationMethod the method the Dice / volume / detection figures are of
 * @param figures the figures
 */
public record HeadlineFigures(String rankingMethod, String segmentationMethod, KeyFigures figures) {

  public HeadlineFigures {
    Objects.requireNonNull(rankingMethod, "rankingMethod");
    Objects.requireNonNull(segmentationMethod, "segmentationMethod");
    Objects.requireNonNull(figures, "figures");
  }

  /** Ranking figures of {@code ranking}, segmentation figures of {@code segmentation}. */
  public static HeadlineFigures of(MethodResult ranking, MethodResult segmentation) {
    return new HeadlineFigures(ranking.name(), segmentation.name(), KeyFigures.of(ranking, segmentation));
  }
}
