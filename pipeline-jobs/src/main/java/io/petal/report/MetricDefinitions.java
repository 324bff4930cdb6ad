package io.petal.report;

import io.petal.metrics.DetectionCriterion;
import io.petal.metrics.EmptyMaskPolicy;
import io.petal.metrics.SegmentationEvaluator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The definitions behind a report's figures, in words, from the evaluator that computed them, so
 * the page and {@code summary.json} state exactly what was measured.
 */
final class MetricDefinitions {
  private MetricDefinitions() {}

  /** Term → definition, in reading order. */
  static Map<String, String> of(SegmentationEvaluator evaluator) {
    int neighbours = evaluator.connectivity().neighbourCount();
    Map<String, String> d = new LinkedHashMap<>();
    d.put("AUROC", "Area under the ROC curve: the probability that a random positive (lesion slice or lesion"
        + " voxel) scores higher than a random negative, ties counted half. Computed from a mergeable histogram"
        + " of the scores, never collecting them; the exact AUROC lies within the stated ± error bound (pairs of"
        + " a positive and a negative score that share a histogram bin holding different values are the only"
        + " uncertainty).");
    d.put("AUPRC", "Average precision: the area under the precision-recall curve, with histogram bins as"
        + " thresholds. Its chance level is the fraction of positives, not 0.5.");
    d.put("Dice", "2·|P ∩ T| / (|P| + |T|) over a patient's whole 3D masks (P predicted, T true). "
        + emptyPolicy(evaluator.emptyMaskPolicy()) + " Reported as mean ± SD over patients with a 95 % Student-t"
        + " confidence interval for the mean.");
    d.put("Surface Dice", String.format(Locale.ROOT, "Fraction of both mask surfaces lying within %s mm of the"
        + " other surface (same empty-mask policy as Dice).", mm(evaluator.surfaceToleranceMm())));
    d.put("False-positive volume (FPV)", "Volume in mL of the predicted connected components that touch no true"
        + " lesion, from the voxel spacing (autoPET). Also given over the lesion-free (normal) patients alone,"
        + " where every predicted voxel is a false positive.");
    d.put("False-negative volume (FNV)", "Volume in mL of the true lesions (connected components) that no"
        + " predicted voxel touches (autoPET).");
    d.put("Connected components", neighbours + "-connectivity in 3D: voxels sharing a face"
        + (neighbours >= 18 ? " or an edge" : "") + (neighbours == 26 ? " or a corner" : "")
        + " belong to the same lesion.");
    d.put("Lesion-wise sensitivity", "Detected true lesions / true lesions, pooled over patients. "
        + detection(evaluator.detectionCriterion()) + " Lesion size strata by equivalent-sphere radius"
        + " r = ∛(3V / 4π).");
    return d;
  }

  /** The empty-mask policy in words. */
  static String emptyPolicy(EmptyMaskPolicy policy) {
    return switch (policy) {
      case EMPTY_TRUTH_UNDEFINED -> "A patient without true lesions has no Dice (undefined, left out of the"
          + " mean, as in autoPET); their false positives show in the false-positive volume.";
      case BOTH_EMPTY_UNDEFINED -> "Undefined (left out of the mean) only when both masks are empty; an"
          + " empty truth with any prediction scores 0.";
      case BOTH_EMPTY_ONE -> "1 when both masks are empty (a correct \"no lesion\"); an empty truth with any"
          + " prediction scores 0.";
    };
  }

  /** When a lesion counts as detected, in words. */
  static String detection(DetectionCriterion criterion) {
    if (criterion instanceof DetectionCriterion.MinOverlap m) {
      return m.voxels() == 1 ? "A lesion is detected when at least one predicted voxel lies in it (autoPET)."
          : "A lesion is detected when at least " + m.voxels() + " predicted voxels lie in it.";
    }
    if (criterion instanceof DetectionCriterion.IouAbove iou) {
      return "A lesion is detected when its intersection over union with the predicted components touching it"
          + " exceeds " + iou.threshold() + ".";
    }
    return "A lesion is detected by " + criterion + ".";
  }

  private static String mm(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
