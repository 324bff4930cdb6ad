package io.petal.report;

import io.petal.metrics.PatientSegmentationMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured for one method (e.g. {@code "anomaly-guided U-Net"}, {@code "SUV 2.5"},
 * {@code "anomaly map"}) on the evaluated patients. A method that only ranks (an anomaly map) has
 * no per-patient segmentation metrics; a method that only segments (a fixed SUV threshold) may
 * have no ranking.
 *
 * @param name the method's name as the report shows it (unique within a report)
 * @param slice slice-level ranking, or {@link RankingResult#notScored()} (null is taken as that)
 * @param pixel pixel-level ranking, or {@link RankingResult#notScored()} (null is taken as that)
 * @param patients per-patient segmentation metrics, one per patient; empty when the method does
 *     not segment. Case ids may be full pseudonym keys: the report shortens them ({@link CaseIds}).
 * @param regions per output region ({@code lesion}; brain MRI {@code WT}, {@code TC}, {@code ET}),
 *     in region order, the per-patient metrics of that region; the first region's are
 *     {@code patients}. Empty when the regions were not scored.
 */
public record MethodResult(String name, RankingResult slice, RankingResult pixel,
    List<PatientSegmentationMetrics> patients, Map<String, List<PatientSegmentationMetrics>> regions) {

  public MethodResult {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a method needs a name");
    }
    slice = slice == null ? RankingResult.notScored() : slice;
    pixel = pixel == null ? RankingResult.notScored() : pixel;
    patients = List.copyOf(patients);
    Map<String, List<PatientSegmentationMetrics>> copy = new LinkedHashMap<>();
    regions.forEach((region, metrics) -> copy.put(region, List.copyOf(metrics)));
    regions = java.util.Collections.unmodifiableMap(copy);
  }

  /** A method without per-region figures. */
  public MethodResult(String name, RankingResult slice, RankingResult pixel, List<PatientSegmentationMetrics> patients) {
    this(name, slice, pixel, patients, Map.of());
  }

  /** True when the method produced masks (has per-patient segmentation metrics). */
  public boolean segments() {
    return !patients.isEmpty();
  }

  /** The ranking at {@code level}. */
  public RankingResult ranking(RankingLevel level) {
    return level == RankingLevel.SLICE ? slice : pixel;
  }
}
