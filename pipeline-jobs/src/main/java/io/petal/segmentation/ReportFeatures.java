package io.petal.segmentation;

import io.petal.models.text.ReportVocabulary;
import io.petal.tables.StudyInfo;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The report features of a set of studies ({@link ReportVocabulary#features}, D floats each),
 * kept sparse (a report uses a few hundred of the D terms) so that they travel cheaply to the
 * Spark tasks. A study without a report, or whose report has no term of the vocabulary, has the
 * all-zero vector.
 */
public final class ReportFeatures implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int dimension;
  private final Map<String, Sparse> byStudy;

  private record Sparse(int[] index, float[] value) implements Serializable {}

  private ReportFeatures(int dimension, Map<String, Sparse> byStudy) {
    this.dimension = dimension;
    this.byStudy = byStudy;
  }

  /** The features of {@code studies}' reports under {@code vocabulary}. */
  public static ReportFeatures of(ReportVocabulary vocabulary, StudyReports reports, Collection<StudyInfo> studies) {
    Map<String, Sparse> out = new HashMap<>();
    float[] dense = new float[vocabulary.dimension()];
    for (StudyInfo s : studies) {
      vocabulary.features(reports.of(s.studyKey()), dense, 0);
      int n = 0;
      for (float v : dense) {
        n += v != 0 ? 1 : 0;
      }
      if (n == 0) {
        continue;
      }
      int[] index = new int[n];
      float[] value = new float[n];
      for (int i = 0, k = 0; i < dense.length; i++) {
        if (dense[i] != 0) {
          index[k] = i;
          value[k++] = dense[i];
        }
      }
      out.put(s.studyKey(), new Sparse(index, value));
    }
    return new ReportFeatures(vocabulary.dimension(), out);
  }

  /** D: floats per study. */
  public int dimension() {
    return dimension;
  }

  /** Number of studies whose features are not all zero. */
  public int studiesWithFeatures() {
    return byStudy.size();
  }

  /** Writes the study's D features into {@code out[offset .. offset + D − 1]}. */
  public void copy(String studyKey, float[] out, int offset) {
    Arrays.fill(out, offset, offset + dimension, 0f);
    Sparse s = byStudy.get(studyKey);
    if (s != null) {
      for (int k = 0; k < s.index().length; k++) {
        out[offset + s.index()[k]] = s.value()[k];
      }
    }
  }

  /** The study's features repeated for {@code n} samples: [n, D]. */
  public float[] repeated(String studyKey, int n) {
    float[] out = new float[n * dimension];
    for (int j = 0; j < n; j++) {
      copy(studyKey, out, j * dimension);
    }
    return out;
  }
}
