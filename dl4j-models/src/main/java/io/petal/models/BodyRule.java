package io.petal.models;

import java.io.Serializable;

/**
 * Which voxels of a network stack belong to the body (the loss and the anomaly map are taken over
 * body voxels only): a test on one channel, in the stack's units. For a CT channel in HU the
 * normalisation's body threshold ({@link InputNormalisation#isBody}: above −500 HU by default);
 * for a study-relative channel its foreground ({@link StudyScale#isForeground}: above 5 % of the
 * study's robust scale).
 *
 * @param channel index of the tested channel in the layout ({@link ModelChannels})
 * @param scaling that channel's scaling
 * @param normalisation the physical-unit normalisation (for HU)
 */
public record BodyRule(int channel, ChannelScaling scaling, InputNormalisation normalisation) implements Serializable {
  public BodyRule {
    if (scaling == ChannelScaling.SUV) {
      throw new IllegalArgumentException("the body cannot be told from a PET channel in SUV: use CT or a "
          + "study-relative channel");
    }
  }

  /** Whether a stack value of the tested channel is body. */
  public boolean isBody(float value) {
    return scaling == ChannelScaling.HU ? normalisation.isBody(value) : StudyScale.isForeground(value);
  }

  /** Fraction (0..1) of {@code values[offset .. offset+count)} that {@link #isBody}, e.g. of one slice. */
  public double fraction(float[] values, int offset, int count) {
    int body = 0;
    for (int v = offset; v < offset + count; v++) {
      body += isBody(values[v]) ? 1 : 0;
    }
    return body / (double) count;
  }

  /** 1 where {@link #isBody}, else 0, in the layout of {@code values}. */
  public float[] mask(float[] values) {
    float[] mask = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      mask[i] = isBody(values[i]) ? 1f : 0f;
    }
    return mask;
  }
}
