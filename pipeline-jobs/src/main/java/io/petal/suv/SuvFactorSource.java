package io.petal.suv;

/** Which rule produced the SUVbw factor. */
public enum SuvFactorSource {
  /** Units BQML: weight / decayed dose. */
  BQML,
  /** Units CNTS: Philips private (7053,1000) SUV scale factor, used as given. */
  PHILIPS_SUV_SCALE_FACTOR,
  /** Units CNTS: Philips private (7053,1009) (Bq/mL per value) times the BQML factor. */
  PHILIPS_ACTIVITY_CONCENTRATION,
  /** Units GML: values are already SUVbw, factor 1. */
  GML
}
