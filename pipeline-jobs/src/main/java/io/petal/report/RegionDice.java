package io.petal.report;

import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dice of one output region across patients ({@code lesion}; brain MRI: whole tumour {@code WT},
 * tumour core {@code TC}, enhancing tumour {@code ET}): mean, SD and the 95 % t interval clipped
 * to [0, 1], undefined values (patients without the region) left out.
 *
 * @param region the region's name
 * @param dice Dice across patients
 */
public record RegionDice(String region, Summary dice) {
  public RegionDice {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(dice, "dice");
  }

  /** One per region of {@code method}, in region order (empty when its regions were not scored). */
  public static List<RegionDice> of(MethodResult method) {
    List<RegionDice> out = new ArrayList<>();
    for (Map.Entry<String, List<PatientSegmentationMetrics>> r : method.regions().entrySet()) {
      out.add(new RegionDice(r.getKey(), Summary.of(r.getValue().stream()
          .mapToDouble(PatientSegmentationMetrics::dice).toArray()).clippedTo(0, 1)));
    }
    return out;
  }
}
