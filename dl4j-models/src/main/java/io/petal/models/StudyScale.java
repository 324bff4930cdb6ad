package io.petal.models;

import java.util.Arrays;

/**
 * The robust intensity scale of one channel of one study, for channels without a physical unit
 * (MRI in arbitrary scanner units, scintigraphy counts; {@link ChannelScaling#STUDY_RELATIVE}):
 * computed on the study itself, never on the cohort, so studies from other scanners, sequences,
 * doses or acquisition times land on the same scale.
 *
 * <p>Rule, in two passes over the channel's values (any layout):
 * <ol>
 *   <li>r = the {@value #PERCENTILE}th percentile of the positive values;</li>
 *   <li>foreground = values above {@value #FOREGROUND_FRACTION} × r (drops air, the background
 *       noise floor and empty padding);</li>
 *   <li>scale = the {@value #PERCENTILE}th percentile of the foreground values.</li>
 * </ol>
 * Percentiles are nearest-rank. Dividing the channel by the scale puts the bright end of the
 * study's own tissue at 1.0; a lesion covering less than 1 % of the foreground does not move it.
 * The same fraction is the foreground rule on relative values ({@link #isForeground}).
 */
public final class StudyScale {
  /** Percentile (0..100) taken as the study's scale. */
  public static final double PERCENTILE = 99;
  /** Foreground: values above this fraction of the scale. */
  public static final float FOREGROUND_FRACTION = 0.05f;

  private StudyScale() {}

  /**
   * The scale of {@code values} (same unit as the values).
   *
   * @throws IllegalArgumentException when no value is positive (an empty or all-zero channel)
   */
  public static double of(float[] values) {
    float[] positive = sortedAbove(values, 0f);
    if (positive.length == 0) {
      throw new IllegalArgumentException("no positive value among " + values.length + ": the channel is empty");
    }
    float[] foreground = sortedAbove(positive, (float) (FOREGROUND_FRACTION * percentile(positive, PERCENTILE)));
    return percentile(foreground, PERCENTILE);
  }

  /** Whether a study-relative value (value / scale) lies in the study's foreground. */
  public static boolean isForeground(float relative) {
    return relative > FOREGROUND_FRACTION;
  }

  /** Nearest-rank percentile of sorted values: the value at rank ⌈p/100 · n⌉. */
  static double percentile(float[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  private static float[] sortedAbove(float[] values, float floor) {
    float[] out = new float[values.length];
    int n = 0;
    for (float v : values) {
      if (v > floor) {
        out[n++] = v;
      }
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    return out;
  }
}
