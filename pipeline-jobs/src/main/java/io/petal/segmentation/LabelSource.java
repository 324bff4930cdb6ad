package io.petal.segmentation;

import java.util.Locale;

/**
 * Where the segmentation's training labels come from.
 *
 * <ul>
 *   <li>{@link #REAL}: annotated studies (lesion slices, plus as many lesion-free slices), and the
 *       slices of normal studies as negatives;</li>
 *   <li>{@link #SYNTHETIC}: normal studies only, with synthetic lesions inserted on the fly into
 *       most samples (label-free training, methods.md §4);</li>
 *   <li>{@link #BOTH}: the union.</li>
 * </ul>
 */
public enum LabelSource {
  REAL, SYNTHETIC, BOTH;

  public static LabelSource parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("label source '" + s + "' is not one of real, synthetic, both", e);
    }
  }

  boolean usesReal() {
    return this != SYNTHETIC;
  }

  boolean usesSynthetic() {
    return this != REAL;
  }

  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
