package io.petal.evaluation;

import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.Summary;
import io.petal.report.MethodResult;
import io.petal.report.RankingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The methods a report compares, from one {@link CohortMetrics}: the anomaly map as a ranking
 * method, and each segmentation model (U-Nets and baselines alike) as a segmenting method named
 * after its {@code masks.model}.
 */
public final class MethodResults {
  /** The model a report leads with when present: {@code petal segment predict}'s default name. */
  public static final String PREFERRED_SEGMENTATION = "segmentation";

  private MethodResults() {}

  /** The report's name for the anomaly map of {@code anomalyModel}. */
  public static String rankingName(String anomalyModel) {
    return "anomaly map (" + anomalyModel + ")";
  }

  /** The anomaly map's slice- and pixel-level rankings. */
  public static MethodResult ranking(String anomalyModel, CohortMetrics metrics) {
    return new MethodResult(rankingName(anomalyModel), RankingResult.of(metrics.slice()),
        RankingResult.of(metrics.pixel()), List.of());
  }

  /** One segmenting method per model that has a mask of at least one evaluated study, in the given order. */
  public static List<MethodResult> segmenting(CohortMetrics metrics, List<String> models) {
    List<MethodResult> out = new ArrayList<>();
    for (String model : models) {
      List<PatientSegmentationMetrics> patients = metrics.patients(model);
      if (!patients.isEmpty()) {
        out.add(new MethodResult(model, null, null, patients));
      }
    }
    return out;
  }

  /**
   * The method a report's segmentation headline is of: {@value #PREFERRED_SEGMENTATION} when it
   * is among them, else the one with the best mean Dice; null when the list is empty.
   */
  public static MethodResult headline(List<MethodResult> segmenting) {
    return segmenting.stream().filter(m -> m.name().equals(PREFERRED_SEGMENTATION)).findFirst()
        .orElseGet(() -> best(segmenting));
  }

  /** The method with the highest mean Dice (undefined Dice counts as lowest; ties by name); null when empty. */
  public static MethodResult best(List<MethodResult> segmenting) {
    return segmenting.stream().max(Comparator.comparingDouble(MethodResults::diceMeanOrMinus1)
        .thenComparing(MethodResult::name, Comparator.reverseOrder())).orElse(null);
  }

  /** Mean Dice across the method's patients (NaN when no patient has a defined Dice). */
  public static double diceMean(MethodResult m) {
    return Summary.of(m.patients().stream().mapToDouble(PatientSegmentationMetrics::dice).toArray()).mean();
  }

  private static double diceMeanOrMinus1(MethodResult m) {
    double d = diceMean(m);
    return Double.isNaN(d) ? -1 : d;
  }
}
