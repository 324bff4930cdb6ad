package io.petal.report;

import io.petal.metrics.AurocEstimate;
import io.petal.metrics.DetectionCounts;
import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.Summary;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The figures a report leads with, for one method, one fold, or the headline: ranking figures
 * (AUROC with error bound and AUPRC, slice and pixel level) and segmentation figures across
 * patients (mean, SD and 95 % CI of Dice, surface Dice, false-positive and false-negative volume,
 * and the lesion-wise detection counts). Each interval is Student's t interval clipped to the
 * metric's range ({@link Summary#clippedTo}): [0, 1] for Dice and surface Dice, [0, ∞) mL for
 * volumes, so a bound never lies where the metric cannot (e.g. a negative FNV with two patients). A figure that was not measured is NaN (an
 * {@link AurocEstimate} or {@link Summary} of NaN, n = 0).
 *
 * @param slice slice-level ranking figures
 * @param pixel pixel-level ranking figures
 * @param dice Dice across patients (undefined values left out, see the empty-mask policy)
 * @param surfaceDice surface Dice across patients
 * @param falsePositiveVolumeMl false-positive volume across patients, mL
 * @param lesionFreeFalsePositiveVolumeMl false-positive volume across the patients without true
 *     lesions (normal patients), mL: there every predicted voxel is a false positive
 * @param falseNegativeVolumeMl false-negative volume across patients, mL
 * @param detection lesion-wise detection counts summed over patients
 * @param patients patients with segmentation metrics
 * @param regionDice Dice per output region, in region order (empty where regions were not scored,
 *     e.g. for a fold)
 */
public record KeyFigures(RankingFigures slice, RankingFigures pixel, Summary dice, Summary surfaceDice,
    Summary falsePositiveVolumeMl, Summary lesionFreeFalsePositiveVolumeMl, Summary falseNegativeVolumeMl,
    DetectionCounts detection, int patients, List<RegionDice> regionDice) {

  /**
   * AUROC and AUPRC of one level.
   *
   * @param auroc AUROC with its error bound
   * @param auprc average precision
   */
  public record RankingFigures(AurocEstimate auroc, double auprc) {
    public RankingFigures {
      Objects.requireNonNull(auroc, "auroc");
    }

    static RankingFigures of(RankingResult r) {
      return new RankingFigures(r.auroc(), r.averagePrecision());
    }
  }

  public KeyFigures {
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(pixel, "pixel");
    Objects.requireNonNull(dice, "dice");
    Objects.requireNonNull(surfaceDice, "surfaceDice");
    Objects.requireNonNull(falsePositiveVolumeMl, "falsePositiveVolumeMl");
    Objects.requireNonNull(lesionFreeFalsePositiveVolumeMl, "lesionFreeFalsePositiveVolumeMl");
    Objects.requireNonNull(falseNegativeVolumeMl, "falseNegativeVolumeMl");
    Objects.requireNonNull(detection, "detection");
    regionDice = List.copyOf(regionDice);
  }

  /** All figures of one method. */
  public static KeyFigures of(MethodResult method) {
    return of(method, method);
  }

  /**
   * Ranking figures of one method and segmentation figures of another, e.g. the anomaly map's
   * AUROC beside the anomaly-guided U-Net's Dice.
   */
  public static KeyFigures of(MethodResult ranking, MethodResult segmentation) {
    return ofPatients(ranking.slice(), ranking.pixel(), segmentation.patients(), RegionDice.of(segmentation));
  }

  /** The figures of the given rankings and per-patient metrics (e.g. of one fold), without regions. */
  public static KeyFigures ofPatients(RankingResult slice, RankingResult pixel,
      List<PatientSegmentationMetrics> patients) {
    return ofPatients(slice, pixel, patients, List.of());
  }

  private static KeyFigures ofPatients(RankingResult slice, RankingResult pixel,
      List<PatientSegmentationMetrics> patients, List<RegionDice> regionDice) {
    DetectionCounts detection = DetectionCounts.none();
    for (PatientSegmentationMetrics p : patients) {
      detection = detection.plus(p.detection());
    }
    return new KeyFigures(RankingFigures.of(slice), RankingFigures.of(pixel),
        summary(patients, PatientSegmentationMetrics::dice, 1),
        summary(patients, PatientSegmentationMetrics::surfaceDice, 1),
        summary(patients, PatientSegmentationMetrics::falsePositiveVolumeMl, Double.POSITIVE_INFINITY),
        summary(patients.stream().filter(p -> p.truthVolumeMl() == 0).toList(),
            PatientSegmentationMetrics::falsePositiveVolumeMl, Double.POSITIVE_INFINITY),
        summary(patients, PatientSegmentationMetrics::falseNegativeVolumeMl, Double.POSITIVE_INFINITY),
        detection, patients.size(), regionDice);
  }

  /** Ranking figures at {@code level}. */
  public RankingFigures ranking(RankingLevel level) {
    return level == RankingLevel.SLICE ? slice : pixel;
  }

  /** Lesion-wise sensitivity, detected / true lesions; NaN without lesions. */
  public double lesionSensitivity() {
    return detection.sensitivity();
  }

  /** Mean false-positive components (predicted components touching no lesion) per patient; NaN without patients. */
  public double falsePositiveComponentsPerPatient() {
    return patients == 0 ? Double.NaN : (double) detection.falsePositiveComponents() / patients;
  }

  /** The metric across patients, its 95 % interval clipped to the metric's range [0, {@code upper}]. */
  private static Summary summary(List<PatientSegmentationMetrics> patients,
      ToDoubleFunction<PatientSegmentationMetrics> metric, double upper) {
    return Summary.of(patients.stream().mapToDouble(metric).toArray()).clippedTo(0, upper);
  }
}
