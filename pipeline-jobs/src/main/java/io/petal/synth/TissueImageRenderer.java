package io.petal.synth;

import java.util.SplittableRandom;

/**
 * Turns a tissue map into noise-free images: the FDG activity map (SUV, before the scanner's
 * blur) and the CT (HU, before noise), using the patient's {@link Physiology}. A few tissues get
 * smooth random modulation: patchy bowel uptake (kept within {@link Physiology#BOWEL_SUV}),
 * urine boluses along the ureters, heterogeneous myocardium, muscle, marrow and brown fat,
 * mottled bowel content, and denser posterior (dependent) lung.
 */
final class TissueImageRenderer {
  private TissueImageRenderer() {}

  /** The noise-free images, x-fastest on the study grid. */
  record CleanImages(float[] activitySuv, float[] ctHu) {}

  /** Lattice spacing of the bowel-patch, ureter-bolus and tissue-texture fields (mm). */
  private static final double BOWEL_CELL_MM = 22;
  private static final double URETER_CELL_MM = 30;
  private static final double TEXTURE_CELL_MM = 15;
  /** Log-amplitude of bowel uptake patches. */
  private static final double BOWEL_PATCHINESS = 0.6;
  /** Bowel content uptake relative to the wall. */
  private static final double BOWEL_CONTENT_FRACTION = 0.6;
  /** Ureter segments between boluses keep this fraction of the urine uptake. */
  private static final double URETER_EMPTY_FRACTION = 0.15;
  /** Relative uptake heterogeneity (standard deviation) of myocardium, muscle, marrow, brown fat. */
  private static final double MYOCARDIUM_HETEROGENEITY = 0.15;
  private static final double MUSCLE_HETEROGENEITY = 0.08;
  private static final double MARROW_HETEROGENEITY = 0.10;
  private static final double BROWN_FAT_HETEROGENEITY = 0.30;
  /** Mottling of bowel content (HU standard deviation). */
  private static final double BOWEL_CONTENT_MOTTLE_HU = 25;
  /** Lung density gradient, denser posteriorly (HU per mm of v). */
  private static final double LUNG_GRADIENT_HU_PER_MM = 0.25;

  static CleanImages render(TissueCanvas anatomy, Physiology phys, SplittableRandom rng) {
    byte[] tissue = anatomy.tissue();
    float[] suv = new float[tissue.length];
    float[] hu = new float[tissue.length];
    Box body = new Box(-300, 300, -220, 220, -40, 1400);
    SmoothRandomField bowel = field(rng, body, BOWEL_CELL_MM);
    SmoothRandomField ureter = field(rng, body, URETER_CELL_MM);
    SmoothRandomField texture = field(rng, body, TEXTURE_CELL_MM);
    double bowelLo = Physiology.BOWEL_SUV.lo();
    double bowelHi = Physiology.BOWEL_SUV.hi();
    anatomy.visitAll((index, u, v, w) -> {
      Tissue t = Tissue.of(tissue[index]);
      double s = phys.suv(t);
      double h = phys.hu(t);
      switch (t) {
        case LUNG -> h += LUNG_GRADIENT_HU_PER_MM * v;
        case BOWEL_WALL -> s = clamp(s * Math.exp(BOWEL_PATCHINESS * bowel.at(u, v, w)),
            bowelLo, bowelHi);
        case BOWEL_CONTENT -> {
          s = BOWEL_CONTENT_FRACTION
              * clamp(s * Math.exp(BOWEL_PATCHINESS * bowel.at(u, v, w)), bowelLo, bowelHi);
          h += BOWEL_CONTENT_MOTTLE_HU * texture.at(u, v, w);
        }
        case URETER_URINE -> s *= ureter.at(u, v, w) > 0 ? 1 : URETER_EMPTY_FRACTION;
        case MYOCARDIUM -> s *= 1 + MYOCARDIUM_HETEROGENEITY * texture.at(u, v, w);
        case MUSCLE -> s *= 1 + MUSCLE_HETEROGENEITY * texture.at(u, v, w);
        case BONE_MARROW -> s *= 1 + MARROW_HETEROGENEITY * texture.at(u, v, w);
        case BROWN_FAT -> s *= 1 + BROWN_FAT_HETEROGENEITY * texture.at(u, v, w);
        default -> { }
      }
      suv[index] = (float) Math.max(0, s);
      hu[index] = (float) h;
    });
    return new CleanImages(suv, hu);
  }

  private static SmoothRandomField field(SplittableRandom rng, Box b, double cell) {
    return new SmoothRandomField(rng, b.u0(), b.v0(), b.w0(), b.u1() - b.u0(), b.v1() - b.v0(),
        b.w1() - b.w0(), cell);
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
