package io.petal.evaluation;

import io.petal.tables.StudyInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which studies an evaluation scores: those with an annotation, and normal studies (diagnosis
 * NEGATIVE) without one, whose truth is empty; of these, the chosen split's, or all of them with
 * {@value #ALL} or when no study has a split.
 *
 * @param studies the evaluated studies, keyed by {@link io.petal.tables.StudyImagesReader#key}
 * @param description what was evaluated, in words that follow "evaluated on the" (for the report),
 *     e.g. {@code test split}
 */
public record EvaluationSelection(Map<String, StudyInfo> studies, String description) {
  /** The split value that selects every annotated or normal study. */
  public static final String ALL = "all";

  /**
   * @param candidates every study of the warehouse, keyed by study key
   * @param split a split name ({@code test}, …) or {@value #ALL}
   * @throws IllegalArgumentException when no study can be evaluated, or none has the split although
   *     studies have splits (naming the splits there are)
   */
  public static EvaluationSelection of(Map<String, StudyInfo> candidates, String split) {
    Objects.requireNonNull(split, "split");
    Map<String, StudyInfo> scorable = new LinkedHashMap<>();
    TreeSet<String> splits = new TreeSet<>();
    candidates.forEach((key, info) -> {
      if (info.labelled() || Boolean.TRUE.equals(info.normal())) {
        scorable.put(key, info);
        if (info.split() != null) {
          splits.add(info.split());
        }
      }
    });
    if (scorable.isEmpty()) {
      throw new IllegalArgumentException("no study has an annotation or is normal (diagnosis NEGATIVE): "
          + "nothing to evaluate against");
    }
    if (split.equals(ALL) || splits.isEmpty()) {
      return new EvaluationSelection(scorable, "annotated and normal studies"
          + (split.equals(ALL) ? "" : " (no study has a split)"));
    }
    Map<String, StudyInfo> chosen = new LinkedHashMap<>();
    scorable.forEach((key, info) -> {
      if (split.equals(info.split())) {
        chosen.put(key, info);
      }
    });
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("no annotated or normal study has split '" + split + "' (splits there: "
          + splits + "); choose one of them or --split " + ALL);
    }
    return new EvaluationSelection(chosen, split + " split");
  }
}
