package io.petal.synth;

/**
 * Lymph-node stations: the regions (ellipsoids in the reference-body frame, mm) where normal
 * nodes are drawn and where lymph-node lesions may be placed.
 */
public enum NodeStation {
  CERVICAL_RIGHT("cervical right", -42, 2, 265, 14, 18, 40, true),
  CERVICAL_LEFT("cervical left", 42, 2, 265, 14, 18, 40, true),
  AXILLARY_RIGHT("axillary right", -132, 24, 388, 24, 28, 34, true),
  AXILLARY_LEFT("axillary left", 132, 24, 388, 24, 28, 34, true),
  MEDIASTINAL("mediastinal", 0, -8, 455, 28, 30, 45, false),
  HILAR_RIGHT("hilar right", -46, 8, 474, 12, 16, 22, true),
  HILAR_LEFT("hilar left", 46, 8, 474, 12, 16, 22, true),
  PARA_AORTIC("para-aortic", 4, 16, 700, 38, 22, 70, false),
  ILIAC_RIGHT("iliac right", -62, 14, 835, 24, 24, 38, false),
  ILIAC_LEFT("iliac left", 62, 14, 835, 24, 24, 38, false);

  private final String label;
  private final Ellipsoid region;
  private final boolean needsFatPad;

  NodeStation(String label, double u, double v, double w, double su, double sv, double sw,
      boolean needsFatPad) {
    this.label = label;
    this.region = new Ellipsoid(new Vec3(u, v, w), new Vec3(su, sv, sw));
    this.needsFatPad = needsFatPad;
  }

  /** A human-readable name, e.g. "axillary left". */
  public String label() {
    return label;
  }

  /** The station's region in the reference-body frame. */
  Ellipsoid region() {
    return region;
  }

  /**
   * True where the model has no fat at the station (neck and shoulder muscle, lung hilum), so a
   * fat pad is painted first to hold the nodes.
   */
  boolean needsFatPad() {
    return needsFatPad;
  }
}
