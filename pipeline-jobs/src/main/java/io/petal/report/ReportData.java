package io.petal.report;

import io.petal.metrics.SegmentationEvaluator;
import io.petal.metrics.SizeStrata;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything an evaluation report shows ({@link ReportWriter}). Holds no patient identity: the
 * cohort as counts, patients only by pseudonym keys, which the report shortens ({@link CaseIds}).
 *
 * @param runName the run's name (folder {@code W/reports/<runName>}), shown as the title
 * @param models role → model name, e.g. {@code "autoencoder" → "ae-demo"}; shown in the header
 * @param cohort what was evaluated, as counts
 * @param evaluator the segmentation metrics' definitions used (empty-mask policy, surface-Dice
 *     tolerance, detection criterion, connectivity), stated in the report
 * @param sizeStrata the lesion size strata, whose names key the detection counts' strata; sets
 *     their order (smallest first) in charts and tables
 * @param headline the headline figures
 * @param methods the methods compared, in display order (colours follow this order)
 * @param crossEvaluation the annotation-source cross-evaluation, or null with one source
 * @param folds the cross-validation folds; empty without cross-validation
 * @param examples example slices; may be empty
 */
public record ReportData(String runName, Map<String, String> models, CohortCounts cohort,
    SegmentationEvaluator evaluator, SizeStrata sizeStrata, HeadlineFigures headline, List<MethodResult> methods,
    CrossEvaluation crossEvaluation, List<FoldResult> folds, List<ExampleSlice> examples) {

  public ReportData {
    if (runName == null || runName.isBlank()) {
      throw new IllegalArgumentException("a report needs a run name");
    }
    models = new TreeMap<>(models);
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(evaluator, "evaluator");
    Objects.requireNonNull(sizeStrata, "sizeStrata");
    Objects.requireNonNull(headline, "headline");
    methods = List.copyOf(methods);
    folds = List.copyOf(folds);
    examples = List.copyOf(examples);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("report " + runName + ": no method to report");
    }
    Set<String> names = new HashSet<>();
    for (MethodResult m : methods) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("report " + runName + ": method '" + m.name() + "' appears twice");
      }
    }
  }

  /** The methods that produced masks. */
  public List<MethodResult> segmentingMethods() {
    return methods.stream().filter(MethodResult::segments).toList();
  }

  /** The methods scored at {@code level}. */
  public List<MethodResult> rankedAt(RankingLevel level) {
    return methods.stream().filter(m -> m.ranking(level).isDefined()).toList();
  }
}
