package io.petal.segmentation;

import io.petal.tables.StudyInfo;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One segmentation model per annotation source ({@code methods.md} §3, decoupled dual-source
 * learning): which models a pipeline trains for a set of studies, and how they are named.
 *
 * <p>Studies that carry at most one annotation source get one model named {@code <family>} (e.g.
 * {@code segmentation}), trained on each study's first source. Studies that carry several get one
 * model per source, named {@code <family>@<source>} (e.g. {@code segmentation@seg} and
 * {@code segmentation@seg_expert_b}); {@code petal evaluate} reads the source back from the name
 * to build the cross-evaluation matrix (trained on source i, scored against source j).
 */
public final class PerSourceModels {
  /** Separates a model's family from the source it was trained on. */
  public static final char SEPARATOR = '@';
  private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private PerSourceModels() {}

  /** {@code <family>@<source>}; the source must be letters, digits, '.', '_' or '-' (it names a folder). */
  public static String name(String family, String source) {
    if (!SOURCE_NAME.matcher(source).matches()) {
      throw new IllegalArgumentException("annotation source '" + source + "' cannot name a model (" + family
          + SEPARATOR + source + "): use letters, digits, '.', '_' or '-' in the manifest's seg_<source> column");
    }
    return family + SEPARATOR + source;
  }

  /** The model's name without its {@code @<source>} suffix. */
  public static String family(String model) {
    int at = model.lastIndexOf(SEPARATOR);
    return at < 0 ? model : model.substring(0, at);
  }

  /** The source in the model's name, or null for a name without {@code @<source>}. */
  public static String source(String model) {
    int at = model.lastIndexOf(SEPARATOR);
    return at < 0 ? null : model.substring(at + 1);
  }

  /**
   * The annotation sources of {@code studies}, in the order they first appear with the studies
   * sorted by cohort and study key (so the first is the usual primary source).
   */
  public static List<String> sources(Collection<StudyInfo> studies) {
    Set<String> sources = new LinkedHashSet<>();
    studies.stream().sorted(Comparator.comparing(StudyInfo::cohort).thenComparing(StudyInfo::studyKey))
        .forEach(s -> sources.addAll(s.labelSources()));
    return List.copyOf(sources);
  }

  /**
   * The models to train for {@code studies}: model name → the annotation source it learns from,
   * in source order. One source or none: {@code family → } {@link AnnotationSource#FIRST};
   * several: {@code family@source → source} for each.
   */
  public static Map<String, AnnotationSource> of(String family, Collection<StudyInfo> studies) {
    List<String> sources = sources(studies);
    Map<String, AnnotationSource> models = new LinkedHashMap<>();
    if (sources.size() <= 1) {
      models.put(family, AnnotationSource.FIRST);
    } else {
      sources.forEach(s -> models.put(name(family, s), AnnotationSource.of(s)));
    }
    return models;
  }
}
