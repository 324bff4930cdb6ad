package io.petal.evaluation;

import io.petal.metrics.PatientSegmentationMetrics;
import io.petal.metrics.Summary;
import io.petal.report.HeadlineFigures;
import io.petal.report.MethodResult;
import io.petal.report.RankingResult;
import io.petal.segmentation.PerSourceModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The methods a report compares, from one {@link CohortMetrics}: the anomaly map as a ranking
 * method ({@code anomaly map (<autoencoder>)}), and each segmentation model, U-Nets and baselines
 * alike, as a segmenting method named after its {@code masks.model}, ranked too by its probability
 * (a slice by its highest voxel).
 *
 * <p>The report leads with {@value #PREFERRED_SEGMENTATION} when it was evaluated (the name
 * {@code petal segment predict} writes by default), else with the per-source model of that family
 * trained on the earliest annotation source ({@code segmentation@<source>}, {@link PerSourceModels},
 * as {@code petal run} trains them on a multi-source cohort), else with the model of the best mean
 * Dice; example slices show the best model's mask.
 *
 * @param ranking the anomaly map, or null when no evaluated study had one
 * @param segmenting one per model with a mask of at least one evaluated study, in the given order,
 *     with its per-region metrics and the ranking figures of its probability
 * @param headline the segmenting method the headline figures are of, or null without any
 * @param best the segmenting method with the highest mean Dice (undefined Dice lowest, ties by
 *     name), or null without any
 */
public record ComparedMethods(MethodResult ranking, List<MethodResult> segmenting, MethodResult headline,
    MethodResult best) {
  /** The model a report leads with when present. */
  public static final String PREFERRED_SEGMENTATION = "segmentation";

  public ComparedMethods {
    segmenting = List.copyOf(segmenting);
  }

  /**
   * @param anomalyModel the autoencoder whose maps were ranked, or null
   * @param models the segmentation models evaluated, in report order
   */
  public static ComparedMethods of(CohortMetrics metrics, String anomalyModel, List<String> models) {
    MethodResult ranking = anomalyModel != null && metrics.anomalyScored()
        ? new MethodResult(rankingName(anomalyModel), RankingResult.of(metrics.slice()),
            RankingResult.of(metrics.pixel()), List.of())
        : null;
    List<MethodResult> segmenting = new ArrayList<>();
    List<String> regions = metrics.regions();
    for (String model : models) {
      List<PatientSegmentationMetrics> patients = metrics.patients(model);
      if (!patients.isEmpty()) {
        Map<String, List<PatientSegmentationMetrics>> byRegion = new LinkedHashMap<>();
        for (String region : regions) {
          List<PatientSegmentationMetrics> scored = metrics.patients(model, region);
          if (!scored.isEmpty()) {
            byRegion.put(region, scored);
          }
        }
        boolean ranked = metrics.modelRanked(model);
        segmenting.add(new MethodResult(model, ranked ? RankingResult.of(metrics.modelRanking(model).slice()) : null,
            ranked ? RankingResult.of(metrics.modelRanking(model).pixel()) : null, patients, byRegion));
      }
    }
    MethodResult best = segmenting.stream().max(Comparator.comparingDouble(ComparedMethods::diceOrMinusOne)
        .thenComparing(MethodResult::name, Comparator.reverseOrder())).orElse(null);
    List<String> sources = metrics.annotationSources();
    MethodResult headline = segmenting.stream().filter(m -> preference(m.name(), sources) < Integer.MAX_VALUE)
        .min(Comparator.comparingInt(m -> preference(m.name(), sources))).orElse(best);
    return new ComparedMethods(ranking, segmenting, headline, best);
  }

  /** The report's name for the anomaly map of {@code anomalyModel}. */
  public static String rankingName(String anomalyModel) {
    return "anomaly map (" + anomalyModel + ")";
  }

  /** True when there is nothing to report. */
  public boolean isEmpty() {
    return ranking == null && segmenting.isEmpty();
  }

  /** The report's methods: the anomaly map, the headline model, then the other models. */
  public List<MethodResult> inReportOrder() {
    List<MethodResult> methods = new ArrayList<>();
    if (ranking != null) {
      methods.add(ranking);
    }
    if (headline != null) {
      methods.add(headline);
    }
    segmenting.stream().filter(m -> m != headline).forEach(methods::add);
    return methods;
  }

  /** Ranking figures of the anomaly map, segmentation figures of the headline model (each standing in for a missing other). */
  public HeadlineFigures headlineFigures() {
    return HeadlineFigures.of(ranking != null ? ranking : headline, headline != null ? headline : ranking);
  }

  /** Role → model name for the report's header: {@code autoencoder} and {@code segmentation}. */
  public Map<String, String> roles(String anomalyModel) {
    Map<String, String> roles = new TreeMap<>();
    if (ranking != null) {
      roles.put("autoencoder", anomalyModel);
    }
    if (headline != null) {
      roles.put("segmentation", headline.name());
    }
    return roles;
  }

  /**
   * How strongly the report prefers {@code model} as its headline: 0 for {@value #PREFERRED_SEGMENTATION},
   * 1 + the source's index for {@code segmentation@<source>} of one of {@code sources}, otherwise
   * {@link Integer#MAX_VALUE} (not preferred).
   */
  private static int preference(String model, List<String> sources) {
    if (!PerSourceModels.family(model).equals(PREFERRED_SEGMENTATION)) {
      return Integer.MAX_VALUE;
    }
    String source = PerSourceModels.source(model);
    int index = source == null ? -1 : sources.indexOf(source);
    return source == null ? 0 : index < 0 ? Integer.MAX_VALUE : 1 + index;
  }

  private static double diceOrMinusOne(MethodResult m) {
    double d = Summary.of(m.patients().stream().mapToDouble(PatientSegmentationMetrics::dice).toArray()).mean();
    return Double.isNaN(d) ? -1 : d;
  }
}
