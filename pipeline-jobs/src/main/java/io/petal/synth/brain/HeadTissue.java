package io.petal.synth.brain;

import io.petal.schema.BratsLabels;

/**
 * The tissue classes of the synthetic head and their relative MR signal per contrast (white
 * matter on T1 ≈ 0.8, CSF on T2 = 1). The orderings follow clinical appearance: T1 white > grey >
 * CSF, fat bright; T2 CSF > grey > white; FLAIR like T2 with CSF suppressed; cortical bone dark
 * everywhere. Tumour classes: oedema bright on T2 and brightest on FLAIR; the enhancing rim bright
 * only on T1ce; necrosis dark on T1 and T1ce, bright on T2, intermediate on FLAIR; a non-enhancing
 * (low-grade) core dark on T1 and T1ce, bright on T2 and FLAIR. The choroid plexus enhances
 * physiologically. A tissue map stores each tissue as its {@link #ordinal()}.
 */
public enum HeadTissue {
  AIR(0, 0, 0, 0, 0),
  SCALP(0.95, 0.95, 0.55, 0.65, 0),
  SKULL(0.06, 0.06, 0.05, 0.05, 0),
  DIPLOE(0.75, 0.78, 0.45, 0.55, 0),
  CSF(0.20, 0.22, 1.00, 0.08, 0),
  VENTRICLE(0.18, 0.20, 1.00, 0.06, 0),
  CHOROID_PLEXUS(0.45, 1.05, 0.60, 0.50, 0),
  GREY_MATTER(0.55, 0.57, 0.62, 0.62, 0),
  DEEP_GREY_MATTER(0.62, 0.63, 0.55, 0.56, 0),
  WHITE_MATTER(0.80, 0.80, 0.42, 0.48, 0),
  OEDEMA(0.58, 0.60, 0.85, 0.95, BratsLabels.EDEMA),
  ENHANCING_TUMOUR(0.55, 1.30, 0.70, 0.75, BratsLabels.ENHANCING),
  NECROSIS(0.30, 0.28, 0.95, 0.55, BratsLabels.NECROTIC_CORE),
  NON_ENHANCING_TUMOUR(0.45, 0.47, 0.82, 0.88, BratsLabels.NECROTIC_CORE);

  private final double[] signal;
  private final int bratsLabel;

  HeadTissue(double t1, double t1ce, double t2, double flair, int bratsLabel) {
    this.signal = new double[] {t1, t1ce, t2, flair};
    this.bratsLabel = bratsLabel;
  }

  /** Relative signal on {@code contrast} before per-patient variation and acquisition. */
  double signal(MriContrast contrast) {
    return signal[contrast.ordinal()];
  }

  /** The BraTS label value of this tissue (0 for healthy tissue). */
  public int bratsLabel() {
    return bratsLabel;
  }

  /** True for tissue inside the brain (where a tumour may grow). */
  boolean brain() {
    return this == CSF || this == VENTRICLE || this == CHOROID_PLEXUS || this == GREY_MATTER
        || this == DEEP_GREY_MATTER || this == WHITE_MATTER;
  }

  /** True for the tissue oedema spreads through (white matter and deep nuclei; the cortex is spared). */
  boolean oedemaProne() {
    return this == WHITE_MATTER || this == DEEP_GREY_MATTER;
  }

  private static final HeadTissue[] ALL = values();

  /** The tissue with ordinal {@code code} (as stored in a tissue map). */
  public static HeadTissue of(int code) {
    return ALL[code];
  }
}
