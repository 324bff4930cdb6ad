package io.petal.lesions;

import java.io.Serializable;

/**
 * Which mask a lesion was measured on: an annotation ingested into {@code slices.labels}
 * ({@link Kind#TRUTH}, named by its label source) or a model's prediction in {@code masks}
 * ({@link Kind#PREDICTED}, named by the model).
 */
public record MaskSource(Kind kind, String name) implements Serializable {
  /** Ground truth or prediction. */
  public enum Kind { TRUTH, PREDICTED }

  public MaskSource {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a mask source needs a name (label source or model)");
    }
  }

  public static MaskSource truth(String labelSource) {
    return new MaskSource(Kind.TRUTH, labelSource);
  }

  public static MaskSource predicted(String model) {
    return new MaskSource(Kind.PREDICTED, model);
  }

  /** The {@code mask_source} column value: {@code truth:<label source>} or {@code predicted:<model>}. */
  public String columnValue() {
    return (kind == Kind.TRUTH ? "truth:" : "predicted:") + name;
  }
}
