package io.petal.models;

import java.nio.FloatBuffer;
import java.util.Properties;

/**
 * How physical intensities become network inputs, and back.
 *
 * <ul>
 *   <li>PET: {@code clamp(SUV, 0, petSuvClip) / petSuvScale}; with the defaults (scale 10, clip 20)
 *       SUV 0..20 maps to 0..2. Back to SUV: {@code value × petSuvScale}.</li>
 *   <li>CT: {@code (clamp(HU, ctHuMin, ctHuMax) − ctHuMin) / (ctHuMax − ctHuMin)}; with the
 *       defaults −1000..1000 HU maps to 0..1.</li>
 *   <li>Body: voxels whose CT is above {@code bodyHuThreshold} (default −500 HU: soft tissue and
 *       bone, not air or lung); the loss is taken over body voxels only.</li>
 * </ul>
 *
 * @param petSuvScale SUV that maps to 1.0
 * @param petSuvClip SUV above which PET is clipped
 * @param ctHuMin HU that maps to 0
 * @param ctHuMax HU that maps to 1
 * @param bodyHuThreshold HU above which a voxel is body
 */
public record InputNormalisation(double petSuvScale, double petSuvClip, double ctHuMin, double ctHuMax, double bodyHuThreshold)
    implements java.io.Serializable {
  /** SUV/10 clipped at SUV 20; HU window −1000..1000; body above −500 HU. */
  public static final InputNormalisation DEFAULT = new InputNormalisation(10, 20, -1000, 1000, -500);

  public InputNormalisation {
    if (!(petSuvScale > 0) || !(petSuvClip > 0) || !(ctHuMax > ctHuMin) || !Double.isFinite(bodyHuThreshold)) {
      throw new IllegalArgumentException("bad input normalisation: need petSuvScale > 0, petSuvClip > 0, ctHuMax > ctHuMin,"
          + " finite bodyHuThreshold; got " + this);
    }
  }

  /** Network value of a PET voxel given in SUV. */
  public float pet(float suv) {
    return pet(suv, (float) petSuvClip, (float) (1 / petSuvScale));
  }

  private static float pet(float suv, float clip, float inverseScale) {
    return (suv > 0 ? Math.min(suv, clip) : 0f) * inverseScale; // NaN → 0
  }

  /**
   * {@link #pet} of {@code count} SUV values read from {@code src[srcOffset ..]}, written to
   * {@code dst[dstOffset + i·dstStride]} (e.g. one channel of an interleaved NHWC buffer).
   */
  public void pet(float[] src, int srcOffset, FloatBuffer dst, int dstOffset, int dstStride, int count) {
    float clip = (float) petSuvClip;
    float inverseScale = (float) (1 / petSuvScale);
    for (int i = 0; i < count; i++) {
      dst.put(dstOffset + i * dstStride, pet(src[srcOffset + i], clip, inverseScale));
    }
  }

  /** SUV of a network PET value. */
  public float petToSuv(float value) {
    return (float) (value * petSuvScale);
  }

  /** Network value of a CT voxel given in HU. */
  public float ct(float hu) {
    return ct(hu, (float) ctHuMin, (float) ctHuMax, (float) (1 / (ctHuMax - ctHuMin)));
  }

  private static float ct(float hu, float min, float max, float inverseRange) {
    return ((hu > min ? Math.min(hu, max) : min) - min) * inverseRange; // NaN → min (air)
  }

  /** {@link #ct} of {@code count} HU values, laid out as in {@link #pet(float[], int, FloatBuffer, int, int, int)}. */
  public void ct(float[] src, int srcOffset, FloatBuffer dst, int dstOffset, int dstStride, int count) {
    float min = (float) ctHuMin;
    float max = (float) ctHuMax;
    float inverseRange = (float) (1 / (ctHuMax - ctHuMin));
    for (int i = 0; i < count; i++) {
      dst.put(dstOffset + i * dstStride, ct(src[srcOffset + i], min, max, inverseRange));
    }
  }

  /** HU of a network CT value. */
  public float ctToHu(float value) {
    return (float) (ctHuMin + value * (ctHuMax - ctHuMin));
  }

  /**
   * Whether a CT voxel (HU) is body tissue (above the body threshold). The body itself also holds
   * the lungs and gas that tissue encloses ({@link BodyRule}).
   */
  public boolean isBody(float hu) {
    return hu > bodyHuThreshold;
  }

  /** Fraction (0..1) of one CT slice ([height, width] HU from {@code offset}) that is body ({@link BodyRule}). */
  public double bodyFraction(float[] ctHu, int offset, int width, int height) {
    return ctBody().fraction(ctHu, offset, width, height);
  }

  /** Body masks of consecutive CT slices ([slices, height, width] HU): 1 in the body ({@link BodyRule}), else 0. */
  public float[] bodyMask(float[] ctHu, int width, int height) {
    return ctBody().mask(ctHu, width, height);
  }

  /** The body rule of a CT channel in HU. */
  private BodyRule ctBody() {
    return new BodyRule(0, ChannelScaling.HU, this);
  }

  /** Writes the five values as properties {@code prefix + name} (e.g. {@code normalisation.petSuvScale}). */
  public void writeTo(Properties p, String prefix) {
    p.setProperty(prefix + "petSuvScale", Double.toString(petSuvScale));
    p.setProperty(prefix + "petSuvClip", Double.toString(petSuvClip));
    p.setProperty(prefix + "ctHuMin", Double.toString(ctHuMin));
    p.setProperty(prefix + "ctHuMax", Double.toString(ctHuMax));
    p.setProperty(prefix + "bodyHuThreshold", Double.toString(bodyHuThreshold));
  }

  /** The inverse of {@link #writeTo}; fails naming the missing or malformed key. */
  public static InputNormalisation readFrom(Properties p, String prefix) {
    return new InputNormalisation(
        ConfigProperties.getDouble(p, prefix + "petSuvScale"),
        ConfigProperties.getDouble(p, prefix + "petSuvClip"),
        ConfigProperties.getDouble(p, prefix + "ctHuMin"),
        ConfigProperties.getDouble(p, prefix + "ctHuMax"),
        ConfigProperties.getDouble(p, prefix + "bodyHuThreshold"));
  }
}
