package io.petal.synth.bone;

/**
 * The bones of the synthetic skeleton that can carry a metastasis, with the share of skeletal
 * metastases each receives (axial skeleton first, as in breast and prostate cancer; the weights
 * sum to 1).
 */
public enum Bone {
  SKULL(0.04),
  CERVICAL_VERTEBRA(0.03),
  THORACIC_VERTEBRA(0.22),
  LUMBAR_VERTEBRA(0.16),
  SACRUM(0.05),
  RIB(0.18),
  STERNUM(0.03),
  CLAVICLE(0.01),
  SCAPULA(0.02),
  HUMERUS(0.03),
  ILIUM(0.10),
  ISCHIUM(0.02),
  PUBIS(0.02),
  ACETABULUM(0.03),
  FEMUR(0.06);

  private final double metastasisShare;

  Bone(double metastasisShare) {
    this.metastasisShare = metastasisShare;
  }

  /** The fraction of skeletal metastases that land in this bone. */
  double metastasisShare() {
    return metastasisShare;
  }
}
