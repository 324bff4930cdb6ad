package io.petal.models;

import java.nio.FloatBuffer;

/**
 * How the values of one input channel, as a network stack holds them, become network inputs and
 * back.
 *
 * <ul>
 *   <li>{@link #SUV}: PET in SUV, scaled by {@link InputNormalisation#pet} (SUV/10 clipped at 20
 *       by default).</li>
 *   <li>{@link #HU}: CT in Hounsfield units, windowed by {@link InputNormalisation#ct}
 *       (−1000..1000 HU → 0..1 by default).</li>
 *   <li>{@link #STUDY_RELATIVE}: a channel in arbitrary or counting units (MRI a.u., scintigraphy
 *       counts) that the stack already holds divided by the study's own robust scale
 *       ({@link StudyScale}), so 1.0 is the study's high percentile whatever the scanner, sequence
 *       or acquisition time; the network sees {@code clamp(value, 0, }{@value #RELATIVE_CLIP}{@code )}.</li>
 * </ul>
 */
public enum ChannelScaling {
  SUV,
  HU,
  STUDY_RELATIVE;

  /** Study-relative values above this (in multiples of the study's robust scale) are clipped. */
  public static final float RELATIVE_CLIP = 4f;

  /** Network value of a stack value of this scaling. NaN becomes 0 (SUV, relative) or air (HU). */
  public float toNetwork(float value, InputNormalisation n) {
    return switch (this) {
      case SUV -> n.pet(value);
      case HU -> n.ct(value);
      case STUDY_RELATIVE -> value > 0 ? Math.min(value, RELATIVE_CLIP) : 0f;
    };
  }

  /**
   * {@link #toNetwork(float, InputNormalisation)} of {@code count} values read from
   * {@code src[srcOffset ..]}, written to {@code dst[dstOffset + i·dstStride]} (e.g. one channel
   * of an interleaved NHWC buffer).
   */
  public void toNetwork(float[] src, int srcOffset, FloatBuffer dst, int dstOffset, int dstStride, int count,
      InputNormalisation n) {
    switch (this) {
      case SUV -> n.pet(src, srcOffset, dst, dstOffset, dstStride, count);
      case HU -> n.ct(src, srcOffset, dst, dstOffset, dstStride, count);
      case STUDY_RELATIVE -> {
        for (int i = 0; i < count; i++) {
          float v = src[srcOffset + i];
          dst.put(dstOffset + i * dstStride, v > 0 ? Math.min(v, RELATIVE_CLIP) : 0f);
        }
      }
    }
  }

  /** Stack value (SUV, HU or study-relative) of a network output of this scaling. */
  public float fromNetwork(float value, InputNormalisation n) {
    return switch (this) {
      case SUV -> n.petToSuv(value);
      case HU -> n.ctToHu(value);
      case STUDY_RELATIVE -> value;
    };
  }

  /** The stack value of a voxel outside the study's field of view: 0 SUV, air (−1000 HU), 0. */
  public float outside() {
    return this == HU ? -1000f : 0f;
  }

  /** The unit of stack values, for messages and model cards. */
  public String unit() {
    return switch (this) {
      case SUV -> "SUV";
      case HU -> "HU";
      case STUDY_RELATIVE -> "fraction of the study's robust scale";
    };
  }
}
