package io.petal.synth;

/**
 * What a lesion looks like on CT: its mean density (absolute, or relative to the organ it sits
 * in) and the density added to its rim band (the "capsule").
 */
public enum CtCorrelate {
  /** A soft-tissue nodule or mass in aerated lung. */
  SOFT_TISSUE_NODULE(new Range(20, 50), false, 0),
  /** Hypodense to the liver, with a slightly enhancing rim. */
  HYPODENSE(new Range(-35, -15), true, 20),
  /** An enlarged lymph node of soft-tissue density replacing fat. */
  ENLARGED_NODE(new Range(25, 45), false, 10),
  /** Bone destruction with soft-tissue density and a sclerotic rim. */
  LYTIC(new Range(20, 80), false, 150),
  /** Dense (osteoblastic) bone. */
  SCLEROTIC(new Range(500, 900), false, 0);

  private final Range meanHu;
  private final boolean relative;
  private final double capsuleHu;

  CtCorrelate(Range meanHu, boolean relative, double capsuleHu) {
    this.meanHu = meanHu;
    this.relative = relative;
    this.capsuleHu = capsuleHu;
  }

  /** The lesion's mean density (HU), or its difference to the organ's when {@link #relative}. */
  public Range meanHu() {
    return meanHu;
  }

  /** True when {@link #meanHu} is relative to the organ's density. */
  public boolean relative() {
    return relative;
  }

  /** Density added to the rim band (HU). */
  public double capsuleHu() {
    return capsuleHu;
  }
}
