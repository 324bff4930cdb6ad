package io.petal.suv;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * SUV scale factors of a PET series (or of one frame): multiply the stored value <em>after</em>
 * RescaleSlope/RescaleIntercept by a factor to get that SUV.
 *
 * @param suvbwFactor body-weight SUV per (rescaled) value, in g/Bq when the values are Bq/mL (SUVbw
 *     in g/mL); 1 for GML
 * @param sulFactor lean-body-mass SUV (SUL, Janmahasatian) per value, g/Bq; empty without weight,
 *     height and sex M/F
 * @param suvbsaFactor body-surface-area SUV (Du Bois) per value, cm²/Bq (SUVbsa in cm²/mL); empty
 *     without weight and height
 * @param source the rule that produced {@code suvbwFactor}
 * @param decayedDoseBq the injected dose decayed to the image's reference time, in Bq; empty when
 *     no dose was used (GML, Philips SUV scale factor)
 * @param scanTime the scan date-time chosen and the rule that chose it; empty when no time was used
 * @param elapsedSeconds injection to the decay reference time in s; empty when no decay was applied
 * @param reason one line for the studies table: units, decay correction, values and rules used
 */
public record SuvFactors(
    double suvbwFactor,
    OptionalDouble sulFactor,
    OptionalDouble suvbsaFactor,
    SuvFactorSource source,
    OptionalDouble decayedDoseBq,
    Optional<ScanTime> scanTime,
    OptionalDouble elapsedSeconds,
    String reason) {}
