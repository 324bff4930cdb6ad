package io.petal.suv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUV normalisation of a PET series from its header, following the rules of trusted tools (QIBA
 * vendor-neutral SUVbw, docs/suv.md):
 *
 * <ol>
 *   <li>CorrectedImage must include ATTN, and DECY unless DecayCorrection is NONE (then the dose is
 *       decayed to each frame instead); otherwise SUV is not defined.
 *   <li>Units BQML: {@code SUVbw factor = weight[g] / decayed dose[Bq]} with the dose decayed per
 *       DecayCorrection ({@link DoseDecay}). Units CNTS: Philips (7053,1000) used as the factor
 *       when present and positive, else (7053,1009) times the BQML factor, else rejected. Units
 *       GML: factor 1. Any other unit is rejected. Philips private values are ignored for BQML.
 *   <li>BQML and CNTS via (7053,1009) need PatientWeight, RadionuclideTotalDose and
 *       RadionuclideHalfLife present and positive; the weight is never guessed.
 *   <li>SUL (Janmahasatian lean body mass) and SUVbsa (Du Bois) factors are added where weight,
 *       height (and sex M/F for SUL) exist: {@code SUL factor = SUVbw factor · LBM/W}, {@code
 *       SUVbsa factor = SUVbw factor · BSA[cm²] / W[g]}.
 * </ol>
 *
 * Every refusal is a {@link SuvException} naming the attribute and value.
 */
public final class SuvCalculator {
  private static final Logger LOG = LoggerFactory.getLogger(SuvCalculator.class);

  /** PatientSize above this (m) is taken as a unit error (cm), and SUL/SUVbsa are left out. */
  static final double MAX_PLAUSIBLE_HEIGHT_M = 3.0;

  private SuvCalculator() {}

  /**
   * The factors of the whole series.
   *
   * @throws SuvException when SUV is not defined for the series, including DecayCorrection NONE
   *     with instances at different frame times (use {@link #computePerInstance})
   */
  public static SuvFactors compute(PetSuvHeader h) {
    SuvFactors f = factors(h, -1);
    LOG.debug("SUVbw factor {} ({})", f.suvbwFactor(), f.reason());
    return f;
  }

  /**
   * The factors of each instance, in the order of {@link PetSuvHeader#instances()}. They differ
   * only for DecayCorrection NONE, where each frame is decayed to its own time.
   *
   * @throws SuvException when SUV is not defined for the series
   */
  public static List<SuvFactors> computePerInstance(PetSuvHeader h) {
    List<SuvFactors> out = new ArrayList<>();
    for (int i = 0; i < h.instances().size(); i++) {
      out.add(factors(h, i));
    }
    return out;
  }

  /**
   * @param instance the instance whose frame NONE refers to, or -1 for the series
   */
  private static SuvFactors factors(PetSuvHeader h, int instance) {
    requireCorrections(h);
    return switch (PetUnits.of(h.units())) {
      case GML ->
          assemble(
              h, 1.0, SuvFactorSource.GML, null, "Units GML: values are already SUVbw, factor 1");
      case CNTS -> philips(h, instance);
      case BQML -> {
        DoseDecay.DoseAtReference dose = decayedDose(h, instance);
        yield assemble(
            h,
            bodyWeightFactor(h, dose),
            SuvFactorSource.BQML,
            dose,
            "Units BQML, " + dose.explanation());
      }
    };
  }

  private static SuvFactors philips(PetSuvHeader h, int instance) {
    Double suvScale = h.philipsSuvScaleFactor();
    Double activityScale = h.philipsActivityConcentrationScaleFactor();
    if (usable(suvScale)) {
      return assemble(
          h,
          suvScale,
          SuvFactorSource.PHILIPS_SUV_SCALE_FACTOR,
          null,
          "Units CNTS: Philips private SUV scale factor (7053,1000) "
              + suvScale
              + " used as given");
    }
    if (usable(activityScale)) {
      if (suvScale != null) {
        LOG.warn("Philips (7053,1000) '{}' is not positive; using (7053,1009) instead", suvScale);
      }
      DoseDecay.DoseAtReference dose = decayedDose(h, instance);
      return assemble(
          h,
          activityScale * bodyWeightFactor(h, dose),
          SuvFactorSource.PHILIPS_ACTIVITY_CONCENTRATION,
          dose,
          "Units CNTS: Philips activity concentration scale factor (7053,1009) "
              + activityScale
              + " Bq/mL per value times the BQML factor, "
              + dose.explanation());
    }
    throw new SuvException(
        "Units",
        "Units 'CNTS' need the Philips private SUV scale factor (7053,1000) or activity"
            + " concentration scale factor (7053,1009); found (7053,1000) "
            + describe(suvScale)
            + ", (7053,1009) "
            + describe(activityScale));
  }

  private static void requireCorrections(PetSuvHeader h) {
    List<String> corrected =
        h.correctedImage().stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
    boolean notDecayCorrected = "NONE".equalsIgnoreCase(String.valueOf(h.decayCorrection()).trim());
    List<String> lacking = new ArrayList<>();
    if (!corrected.contains("ATTN")) {
      lacking.add("ATTN");
    }
    if (!corrected.contains("DECY") && !notDecayCorrected) {
      lacking.add("DECY");
    }
    if (!lacking.isEmpty()) {
      throw new SuvException(
          "CorrectedImage",
          "CorrectedImage "
              + corrected
              + " does not include "
              + String.join(" and ", lacking)
              + ": SUV is not defined without attenuation and decay correction");
    }
  }

  private static DoseDecay.DoseAtReference decayedDose(PetSuvHeader h, int instance) {
    DecayCorrectionMode mode = DecayCorrectionMode.of(h.decayCorrection());
    PetInstanceTiming frame = instance >= 0 ? h.instances().get(instance) : seriesFrame(h, mode);
    return DoseDecay.at(h, mode, frame);
  }

  /** The one frame a series-level factor refers to; NONE needs all instances in one frame. */
  private static PetInstanceTiming seriesFrame(PetSuvHeader h, DecayCorrectionMode mode) {
    PetInstanceTiming first = h.instances().get(0);
    if (mode == DecayCorrectionMode.NONE) {
      for (PetInstanceTiming t : h.instances()) {
        if (!Objects.equals(t.frameReferenceTimeMs(), first.frameReferenceTimeMs())
            || !Objects.equals(t.actualFrameDurationMs(), first.actualFrameDurationMs())) {
          throw new SuvException(
              "FrameReferenceTime",
              "DecayCorrection NONE: the "
                  + h.instances().size()
                  + " instances are frames at"
                  + " different times (FrameReferenceTime "
                  + first.frameReferenceTimeMs()
                  + " and "
                  + t.frameReferenceTimeMs()
                  + " ms), so each frame has its own factor and the"
                  + " series has none (use SuvCalculator.computePerInstance)");
        }
      }
    }
    return first;
  }

  /** weight [g] / decayed dose [Bq], in g/Bq. */
  private static double bodyWeightFactor(PetSuvHeader h, DoseDecay.DoseAtReference dose) {
    double weightKg =
        HeaderValues.positive(
            "PatientWeight",
            h.patientWeightKg(),
            "kg",
            "no SUV without the patient weight (it is never guessed)");
    double factor = weightKg * 1000 / dose.doseBq();
    if (!Double.isFinite(factor)) {
      throw new SuvException(
          "RadionuclideTotalDose",
          "the decayed dose "
              + dose.doseBq()
              + " Bq gives no finite SUV factor ("
              + dose.explanation()
              + ")");
    }
    return factor;
  }

  private static SuvFactors assemble(
      PetSuvHeader h,
      double suvbw,
      SuvFactorSource source,
      DoseDecay.DoseAtReference dose,
      String reason) {
    OptionalDouble sul = OptionalDouble.empty();
    OptionalDouble bsa = OptionalDouble.empty();
    Double w = h.patientWeightKg();
    Double height = h.patientSizeM();
    if (w != null && w > 0 && height != null && height > 0) {
      if (height > MAX_PLAUSIBLE_HEIGHT_M) {
        LOG.warn(
            "PatientSize {} m is above {} m (centimetres?): SUL and SUVbsa left out",
            height,
            MAX_PLAUSIBLE_HEIGHT_M);
      } else {
        bsa = OptionalDouble.of(suvbw * BodySize.bodySurfaceAreaM2(w, height) * 1e4 / (w * 1000));
        String sex = h.patientSex() == null ? "" : h.patientSex().trim().toUpperCase(Locale.ROOT);
        if (sex.equals("M") || sex.equals("F")) {
          sul = OptionalDouble.of(suvbw * BodySize.leanBodyMassKg(sex, w, height) / w);
        }
      }
    }
    return new SuvFactors(
        suvbw,
        sul,
        bsa,
        source,
        dose == null ? OptionalDouble.empty() : OptionalDouble.of(dose.doseBq()),
        dose == null ? Optional.empty() : dose.scanTime(),
        dose == null ? OptionalDouble.empty() : dose.elapsedSeconds(),
        reason);
  }

  private static boolean usable(Double v) {
    return v != null && Double.isFinite(v) && v > 0;
  }

  private static String describe(Double v) {
    return v == null ? "absent" : "'" + v + "'";
  }
}
