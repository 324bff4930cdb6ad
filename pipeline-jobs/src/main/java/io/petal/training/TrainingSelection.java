package io.petal.training;

import io.petal.models.ModelChannels;
import io.petal.tables.StudyInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which studies the autoencoder trains on: studies of the chosen split that fit the model's channel
 * layout ({@link KindChannels#fits}: its kind, with every channel) and whose slices the normal-slice
 * rule can accept.
 *
 * <p>Split: {@code auto} (the default) means {@code train} when any study of the warehouse has a
 * split, otherwise every study; {@code all} means every study; any other value is matched exactly.
 */
public record TrainingSelection(String split, NormalSliceRule rule) {
  /** Splits in words for the model card. */
  public static final String ALL = "all";
  public static final String AUTO = "auto";

  /** The split actually used among these studies ({@code train} or {@code all} for auto). */
  public String resolveSplit(Collection<StudyInfo> studies) {
    if (!AUTO.equals(split)) {
      return split;
    }
    return studies.stream().anyMatch(s -> s.split() != null) ? "train" : ALL;
  }

  /** Studies of the resolved split that fit {@code layout} (its kind, with every channel it reads). */
  public static Predicate<StudyInfo> inSplit(String resolvedSplit, ModelChannels layout) {
    return s -> KindChannels.fits(s, layout) && (ALL.equals(resolvedSplit) || resolvedSplit.equals(s.split()));
  }

  /** The studies a resolved rule can take slices from (normal ones; labelled ones for lesion-free slices). */
  public static Map<String, StudyInfo> eligible(Map<String, StudyInfo> studies, NormalSliceRule resolved) {
    return studies.entrySet().stream()
        .filter(e -> Boolean.TRUE.equals(e.getValue().normal())
            || (resolved == NormalSliceRule.LESION_FREE_SLICES && e.getValue().labelled()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** The rule in words, for the model card and the log. */
  public static String describe(NormalSliceRule resolved, int margin) {
    return switch (resolved) {
      case NEGATIVE_STUDIES -> "every slice of studies with diagnosis NEGATIVE";
      case LESION_FREE_SLICES -> "every slice of NEGATIVE studies, plus slices of labelled studies with no lesion voxel "
          + "(first annotation source) within +-" + margin + " slices";
      case AUTO -> throw new IllegalArgumentException("resolve AUTO first");
    } + "; slices with less than " + (int) Math.round(TrainingData.MIN_BODY_FRACTION * 100) + " % body pixels left out";
  }

  /** Sorted distinct values, for the card. */
  public static List<String> distinct(Collection<StudyInfo> studies, java.util.function.Function<StudyInfo, String> f) {
    return studies.stream().map(f).distinct().sorted().toList();
  }
}
