package io.petal.report;

import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.SizeStrata;
import io.petal.metrics.StratumCount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lesion-wise sensitivity by lesion size stratum of one method: true lesions and detected lesions
 * of the stratum summed over the method's patients.
 *
 * @param method the method's name
 * @param methodIndex its position in {@link ReportData#methods()} (its colour)
 * @param stratum the stratum's name
 * @param stratumOrder the stratum's position, smallest lesions first
 * @param count lesions and detected lesions
 */
public record SizeSensitivity(String method, int methodIndex, String stratum, int stratumOrder,
    StratumCount count) {

  /** Detected / lesions; NaN without lesions in the stratum. */
  public double sensitivity() {
    return count.sensitivity();
  }

  /**
   * One row per segmenting method and stratum, methods in report order, strata in
   * {@link #strata} order; a stratum without lesions for a method has a count of 0.
   */
  public static List<SizeSensitivity> of(ReportData data) {
    List<String> strata = strata(data);
    List<SizeSensitivity> rows = new ArrayList<>();
    for (int m = 0; m < data.methods().size(); m++) {
      MethodResult method = data.methods().get(m);
      if (!method.segments()) {
        continue;
      }
      Map<String, StratumCount> counts = summed(method);
      for (int s = 0; s < strata.size(); s++) {
        rows.add(new SizeSensitivity(method.name(), m, strata.get(s), s,
            counts.getOrDefault(strata.get(s), new StratumCount(0, 0))));
      }
    }
    return rows;
  }

  /**
   * The strata of a report, smallest first: the names of {@link ReportData#sizeStrata()}, then any
   * other stratum found in the detection counts (sorted by name).
   */
  public static List<String> strata(ReportData data) {
    Set<String> names = new LinkedHashSet<>(data.sizeStrata().names());
    Set<String> others = new TreeSet<>();
    for (MethodResult m : data.segmentingMethods()) {
      for (PatientSegmentationMetrics p : m.patients()) {
        others.addAll(p.detection().byStratum().keySet());
      }
    }
    others.removeAll(names);
    names.addAll(others);
    return List.copyOf(names);
  }

  /**
   * The radius range of stratum {@code name} of {@code strata} in words, e.g. {@code r ≤ 5 mm},
   * {@code 5 < r ≤ 10 mm}, {@code r > 25 mm}; empty for a name that is not one of its strata.
   */
  public static String radiusRange(SizeStrata strata, String name) {
    int s = strata.names().indexOf(name);
    double[] cuts = strata.cutsMm();
    if (s < 0 || cuts.length == 0) {
      return "";
    }
    if (s == 0) {
      return "r ≤ " + mm(cuts[0]) + " mm";
    }
    if (s == cuts.length) {
      return "r > " + mm(cuts[s - 1]) + " mm";
    }
    return mm(cuts[s - 1]) + " < r ≤ " + mm(cuts[s]) + " mm";
  }

  private static String mm(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static Map<String, StratumCount> summed(MethodResult method) {
    Map<String, StratumCount> counts = new TreeMap<>();
    for (PatientSegmentationMetrics p : method.patients()) {
      p.detection().byStratum().forEach((name, c) -> counts.merge(name, c, StratumCount::plus));
    }
    return counts;
  }
}
