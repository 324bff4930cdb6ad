package io.petal.suv;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The injected dose decayed to the time the image's activity refers to, per DecayCorrection.
 *
 * <ul>
 *   <li>START: values are decay-corrected to the scan date-time ({@link ScanTimeSelector}); dose
 *       {@code D·2^(-dt/T)} with dt from injection ({@link InjectionTime}) to the scan date-time.
 *   <li>ADMIN: values are decay-corrected to the injection; the full dose D, no decay term and no
 *       times needed (applying a decay term here would decay twice).
 *   <li>NONE: values are not decay-corrected, so each frame holds the activity averaged over its
 *       acquisition. FrameReferenceTime is taken, as Siemens and Philips write it, as the frame's
 *       mid-time in ms after the scan date-time, so the frame starts at {@code t0 = dt_scan +
 *       (FrameReferenceTime - ActualFrameDuration/2)/1000} s after injection and lasts {@code d =
 *       ActualFrameDuration/1000} s. The dose is decayed by the exact mean decay over the frame:
 *       {@code D·2^(-t0/T)·(1 - e^(-λd))/(λd)}, λ = ln2/T, which equals {@code D·2^(-t_eff/T)} with
 *       {@code t_eff = t0 + ln(λd/(1 - e^(-λd)))/λ} (the QIBA average-count-rate time); t_eff is
 *       reported as the elapsed time. FrameReferenceTime below d/2 cannot be a mid-time and is
 *       rejected (GE writes 0 there).
 * </ul>
 *
 * RadionuclideTotalDose (Bq) and RadionuclideHalfLife (s) must be present and positive in every
 * mode.
 */
public final class DoseDecay {
  private DoseDecay() {}

  /**
   * The dose at the image's reference time.
   *
   * @param doseBq decayed dose in Bq
   * @param elapsedSeconds injection to the reference time in s (effective frame time for NONE);
   *     empty for ADMIN
   * @param scanTime the scan date-time used; empty for ADMIN
   * @param explanation one line for the studies table
   */
  public record DoseAtReference(
      double doseBq,
      OptionalDouble elapsedSeconds,
      Optional<ScanTime> scanTime,
      String explanation) {}

  /**
   * @param frame the instance whose frame NONE decays to; ignored for START and ADMIN
   * @throws SuvException when dose, half-life, times or frame timing are missing or inconsistent
   */
  public static DoseAtReference at(
      PetSuvHeader h, DecayCorrectionMode mode, PetInstanceTiming frame) {
    String need = "no SUV without the injected dose and half-life";
    double dose =
        HeaderValues.positive("RadionuclideTotalDose", h.radionuclideTotalDoseBq(), "Bq", need);
    double halfLife =
        HeaderValues.positive("RadionuclideHalfLife", h.radionuclideHalfLifeS(), "s", need);
    if (mode == DecayCorrectionMode.ADMIN) {
      return new DoseAtReference(
          dose,
          OptionalDouble.empty(),
          Optional.empty(),
          "DecayCorrection ADMIN: values are decay-corrected to the injection, full dose "
              + dose
              + " Bq, no decay term");
    }
    ScanTime scan = ScanTimeSelector.select(h);
    InjectionTime.Elapsed toScan = InjectionTime.toScan(h, scan);
    String times =
        " from injection "
            + toScan.injection()
            + " ("
            + toScan.source()
            + ") to scan "
            + scan.dateTime()
            + " ("
            + scan.rule()
            + ": "
            + scan.why()
            + ")";
    if (mode == DecayCorrectionMode.START) {
      double dt = toScan.seconds();
      return new DoseAtReference(
          dose * Math.pow(2, -dt / halfLife),
          OptionalDouble.of(dt),
          Optional.of(scan),
          "DecayCorrection START: dose " + dose + " Bq decayed over " + dt + " s" + times);
    }
    double frameMs = requireFrame("ActualFrameDuration", frame.actualFrameDurationMs(), true);
    double refMs = requireFrame("FrameReferenceTime", frame.frameReferenceTimeMs(), false);
    if (refMs < frameMs / 2) {
      throw new SuvException(
          "FrameReferenceTime",
          "FrameReferenceTime '"
              + refMs
              + "' ms is less than half the ActualFrameDuration '"
              + frameMs
              + "' ms, so it is not the frame mid-time that DecayCorrection NONE needs");
    }
    double lambda = Math.log(2) / halfLife;
    double d = frameMs / 1000;
    double start = toScan.seconds() + (refMs - frameMs / 2) / 1000;
    double meanDecayOverFrame =
        Math.pow(2, -start / halfLife) * (-Math.expm1(-lambda * d)) / (lambda * d);
    double effective = -Math.log(meanDecayOverFrame) / lambda;
    return new DoseAtReference(
        dose * meanDecayOverFrame,
        OptionalDouble.of(effective),
        Optional.of(scan),
        "DecayCorrection NONE: dose "
            + dose
            + " Bq decayed by the mean over the frame starting "
            + start
            + " s after injection and lasting "
            + d
            + " s (FrameReferenceTime "
            + refMs
            + " ms as mid-time), effective "
            + effective
            + " s"
            + times);
  }

  private static double requireFrame(String attribute, Double ms, boolean positive) {
    String why = "DecayCorrection NONE decays the dose to each frame";
    if (ms == null || !Double.isFinite(ms) || ms < 0 || (positive && ms == 0)) {
      throw new SuvException(
          attribute,
          attribute + (ms == null ? " is missing" : " '" + ms + "' ms is invalid") + ": " + why);
    }
    return ms;
  }
}
