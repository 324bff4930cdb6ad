package io.petal.suv;

import java.util.Locale;

/** The PET pixel units (Units, 0054,1001) for which SUV is defined. */
public enum PetUnits {
  /** Activity concentration in Bq/mL: decay-correct the dose. */
  BQML,
  /** Counts (Philips): needs the Philips private scale factors. */
  CNTS,
  /** Already SUVbw in g/mL: factor 1. */
  GML;

  /**
   * The unit named by a Units value.
   *
   * @throws SuvException when the value is absent or not one of BQML, CNTS, GML
   */
  public static PetUnits of(String units) {
    if (units == null || units.isBlank()) {
      throw new SuvException("Units", "Units is missing: SUV needs BQML, CNTS or GML pixel units");
    }
    try {
      return valueOf(units.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SuvException(
          "Units", "Units '" + units.trim() + "' is not a supported PET unit (BQML, CNTS, GML)");
    }
  }
}
