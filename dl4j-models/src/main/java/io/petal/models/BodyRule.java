package io.petal.models;

import java.io.Serializable;

/**
 * Which pixels of a network slice belong to the body (the loss and the anomaly map are taken over
 * body pixels only): the pixels that pass a test on one channel, in the stack's units, plus the
 * holes they enclose in the slice's plane. For a CT channel in HU the test is the
 * normalisation's tissue threshold ({@link InputNormalisation#isBody}: above −500 HU by default),
 * so the lungs, airways and bowel gas, which lie below it but inside the body outline, are body
 * too; for a study-relative channel the test is its foreground ({@link StudyScale#isForeground}:
 * above 5 % of the study's robust scale), so dark structures inside the head (CSF) or a planar
 * view's outline are body. A hole is a region of failing pixels that is not connected (4-connected)
 * to the slice's border; a region that reaches the border (e.g. lungs cut by the field of view)
 * stays outside.
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

  /** Whether a stack value of the tested channel is tissue (passes the test, before holes are filled). */
  public boolean isTissue(float value) {
    return scaling == ChannelScaling.HU ? normalisation.isBody(value) : StudyScale.isForeground(value);
  }

  /**
   * The body of one slice: 1 where {@link #isTissue} or enclosed by tissue, else 0.
   *
   * @param values the tested channel, the slice's [height, width] values from {@code offset}
   * @param out receives the slice's [height, width] 0/1 mask from {@code outOffset}
   */
  public void slice(float[] values, int offset, int width, int height, float[] out, int outOffset) {
    int plane = width * height;
    boolean[] outside = new boolean[plane];
    int[] queue = new int[plane];
    int tail = 0;
    for (int p = 0; p < plane; p++) {
      int x = p % width;
      int y = p / width;
      boolean border = x == 0 || y == 0 || x == width - 1 || y == height - 1;
      if (border && !isTissue(values[offset + p])) {
        outside[p] = true;
        queue[tail++] = p;
      }
    }
    for (int head = 0; head < tail; head++) {
      int p = queue[head];
      int x = p % width;
      tail = visit(values, offset, outside, queue, tail, x > 0 ? p - 1 : -1);
      tail = visit(values, offset, outside, queue, tail, x < width - 1 ? p + 1 : -1);
      tail = visit(values, offset, outside, queue, tail, p >= width ? p - width : -1);
      tail = visit(values, offset, outside, queue, tail, p + width < plane ? p + width : -1);
    }
    for (int p = 0; p < plane; p++) {
      out[outOffset + p] = outside[p] ? 0f : 1f;
    }
  }

  private int visit(float[] values, int offset, boolean[] outside, int[] queue, int tail, int p) {
    if (p >= 0 && !outside[p] && !isTissue(values[offset + p])) {
      outside[p] = true;
      queue[tail++] = p;
    }
    return tail;
  }

  /** Fraction (0..1) of one slice ([height, width] values from {@code offset}) that is body. */
  public double fraction(float[] values, int offset, int width, int height) {
    float[] mask = new float[width * height];
    slice(values, offset, width, height, mask, 0);
    int body = 0;
    for (float m : mask) {
      body += m > 0 ? 1 : 0;
    }
    return body / (double) mask.length;
  }

  /** 0/1 body masks of consecutive slices, [slices, height, width] like {@code values}. */
  public float[] mask(float[] values, int width, int height) {
    int plane = width * height;
    if (values.length % plane != 0) {
      throw new IllegalArgumentException(values.length + " values are not whole " + width + "x" + height + " slices");
    }
    float[] mask = new float[values.length];
    for (int offset = 0; offset < values.length; offset += plane) {
      slice(values, offset, width, height, mask, offset);
    }
    return mask;
  }
}
