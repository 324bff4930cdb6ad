package io.petal.evaluation;

import io.petal.metrics.Summary;
import io.petal.report.CrossEvaluation;
import io.petal.segmentation.PerSourceModels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cross-evaluation matrix of several annotation sources ({@code methods.md} §3): the model
 * trained on source i scored against the masks of source j, Dice mean ± SD over the studies that
 * have more than one source.
 *
 * <p>Which source a model was trained on is read from its name ({@link PerSourceModels}):
 * {@code <family>@<source>} (e.g. {@code segmentation@seg_expert_a}, as {@code petal run} names
 * them) was trained on {@code <source>}; a name without {@code @} on {@value #DEFAULT_SOURCE},
 * the default annotation column. One family of models fills the matrix
 * (usually the report's headline model's); a source no model of the family was trained on has an
 * empty row (n = 0). Sources are the annotation sources of the multi-source studies, in the
 * order they first appear (studies sorted by key). Each cell's 95 % interval is clipped to [0, 1].
 */
public final class CrossEvaluationMatrix {
  /** The source of a model whose name has no {@code @<source>} suffix. */
  public static final String DEFAULT_SOURCE = "seg";

  private CrossEvaluationMatrix() {}

  /** The source {@code model} was trained on. */
  public static String trainedOn(String model) {
    String source = PerSourceModels.source(model);
    return source == null ? DEFAULT_SOURCE : source;
  }

  /** The model's name without its {@code @<source>} suffix. */
  public static String family(String model) {
    return PerSourceModels.family(model);
  }

  /** The matrix of {@code family}'s models, or null when no study has more than one annotation source. */
  public static CrossEvaluation of(CohortMetrics metrics, String family) {
    List<StudyResult> multi = metrics.sortedStudies().stream().filter(s -> s.labelSources().size() > 1).toList();
    if (multi.isEmpty()) {
      return null;
    }
    Set<String> sourceSet = new LinkedHashSet<>();
    multi.forEach(s -> sourceSet.addAll(s.labelSources()));
    List<String> sources = List.copyOf(sourceSet);
    List<List<Summary>> dice = new ArrayList<>();
    for (String trained : sources) {
      List<Summary> row = new ArrayList<>();
      for (String scored : sources) {
        row.add(Summary.of(multi.stream().flatMap(s -> s.scores().stream())
            .filter(m -> m.firstRegion() && family(m.model()).equals(family) && trainedOn(m.model()).equals(trained)
                && m.labelSource().equals(scored))
            .mapToDouble(m -> m.metrics().dice()).toArray()).clippedTo(0, 1));
      }
      dice.add(row);
    }
    return new CrossEvaluation(sources, dice);
  }
}
