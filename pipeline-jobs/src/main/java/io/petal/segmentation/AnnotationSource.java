package io.petal.segmentation;

import io.petal.tables.StudyInfo;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

/**
 * Which annotation source a segmentation model learns from: one named source of the studies'
 * {@code label_sources} (a manifest's {@code seg} or {@code seg_<source>} column, e.g.
 * {@code seg_expert_a}), or {@link #FIRST}, each study's first source (the default). A study
 * without the chosen source counts as unannotated: it gives no lesion samples and is never a
 * validation study (a normal study still gives negatives and synthetic-lesion samples).
 *
 * @param name the source's name, or null for each study's first source
 */
public record AnnotationSource(String name) implements Serializable {
  /** Each study's first annotation source (the manifest's first label column). */
  public static final AnnotationSource FIRST = new AnnotationSource(null);

  /** The named source, or {@link #FIRST} for null or blank. */
  public static AnnotationSource of(String name) {
    return name == null || name.isBlank() ? FIRST : new AnnotationSource(name.trim());
  }

  /** The index of this source in the study's {@code label_sources}, or -1 when the study lacks it. */
  public int indexIn(StudyInfo study) {
    if (name == null) {
      return study.labelSources().isEmpty() ? -1 : 0;
    }
    return study.labelSources().indexOf(name);
  }

  /** True when the study carries this source. */
  public boolean annotates(StudyInfo study) {
    return indexIn(study) >= 0;
  }

  /**
   * Refuses a named source that none of {@code studies} carries (a typo would otherwise train on
   * normal studies alone).
   *
   * @param where the warehouse or selection, for the message
   */
  public void requireIn(Collection<StudyInfo> studies, String where) {
    if (name != null && studies.stream().noneMatch(this::annotates)) {
      List<String> present = studies.stream().flatMap(s -> s.labelSources().stream()).distinct().sorted().toList();
      throw new IllegalArgumentException("annotation source '" + name + "' is not a label source of any training "
          + "study in " + where + " (sources there: " + present + ")");
    }
  }

  /** The source in words, for model cards and logs. */
  public String describe() {
    return name == null ? "first annotation source of each study" : name;
  }
}
