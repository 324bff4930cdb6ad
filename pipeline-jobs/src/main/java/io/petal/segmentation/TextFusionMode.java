package io.petal.segmentation;

import io.petal.models.text.ReportVocabulary;
import java.util.Locale;

/**
 * Whether {@code segment train} gives the U-Net the studies' report text ({@code --text}).
 * {@link #AUTO} switches it on when the training patients' reports yield a vocabulary (at least
 * one term shared by {@value ReportVocabulary#MIN_PATIENTS} patients), so cohorts without reports
 * train the image-only network.
 */
public enum TextFusionMode {
  AUTO, ON, OFF;

  /** {@code auto}, {@code on} or {@code off} (case-insensitive). */
  public static TextFusionMode parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--text must be auto, on or off, got '" + s + "'", e);
    }
  }

  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a fresh model uses text, given the vocabulary fitted on the training patients' reports. */
  public boolean enables(ReportVocabulary vocabulary) {
    return switch (this) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> vocabulary.terms() > 0;
    };
  }
}
