package io.petal.synth;

import java.util.SplittableRandom;

/**
 * The per-patient variation of the anatomy: body scales, fat, organ sizes and positions
 * (reference mm and dimensionless factors), each drawn uniformly from the named range.
 */
record AnatomyParams(double heightScale, double widthScale, double depthScale, double fatMm,
    double liverScale, Vec3 liverShift, double spleenScale, double heartScale, Vec3 heartShift,
    double kidneyScale, double bladderFill, double diaphragmShiftMm, double bowelGasLevel,
    boolean brownFat) {

  /** Body height factor (w). */
  static final Range HEIGHT_SCALE = new Range(0.93, 1.06);
  /** Body width factor (u). */
  static final Range WIDTH_SCALE = new Range(0.90, 1.08);
  /** Depth relative to width (v / u). */
  static final Range DEPTH_RATIO = new Range(0.94, 1.06);
  /** Subcutaneous fat thickness, reference mm. */
  static final Range FAT_MM = new Range(6, 32);
  /** Organ size factors. */
  static final Range LIVER_SCALE = new Range(0.88, 1.12);
  static final Range SPLEEN_SCALE = new Range(0.75, 1.30);
  static final Range HEART_SCALE = new Range(0.90, 1.10);
  static final Range KIDNEY_SCALE = new Range(0.90, 1.10);
  /** Bladder filling (size factor). */
  static final Range BLADDER_FILL = new Range(0.60, 1.35);
  /** Organ position jitter, reference mm per axis. */
  static final double ORGAN_JITTER_MM = 8;
  /** Diaphragm (and upper abdominal organ) shift along w, reference mm. */
  static final Range DIAPHRAGM_SHIFT_MM = new Range(-12, 12);
  /** How much of the bowel content is gas (a threshold level on a smooth random field). */
  static final Range BOWEL_GAS_LEVEL = new Range(0.2, 1.0);

  static AnatomyParams draw(SplittableRandom rng, double brownFatProbability) {
    double width = WIDTH_SCALE.draw(rng);
    return new AnatomyParams(
        HEIGHT_SCALE.draw(rng), width, width * DEPTH_RATIO.draw(rng), FAT_MM.draw(rng),
        LIVER_SCALE.draw(rng), jitter(rng), SPLEEN_SCALE.draw(rng), HEART_SCALE.draw(rng),
        jitter(rng), KIDNEY_SCALE.draw(rng), BLADDER_FILL.draw(rng), DIAPHRAGM_SHIFT_MM.draw(rng),
        BOWEL_GAS_LEVEL.draw(rng), rng.nextDouble() < brownFatProbability);
  }

  private static Vec3 jitter(SplittableRandom rng) {
    return new Vec3((rng.nextDouble() * 2 - 1) * ORGAN_JITTER_MM,
        (rng.nextDouble() * 2 - 1) * ORGAN_JITTER_MM, (rng.nextDouble() * 2 - 1) * ORGAN_JITTER_MM);
  }
}
