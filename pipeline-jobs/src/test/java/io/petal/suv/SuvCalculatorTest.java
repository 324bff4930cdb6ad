package io.petal.suv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SUV rules of docs/suv.md on hand-built headers, with hand-computed factors. */
class SuvCalculatorTest {
  private static final double F18_HALF_LIFE_S = 6586.2;

  /**
   * A valid BQML/START series: 70 kg, 370 MBq injected 09:00:00, series and acquisition 10:00:00.
   */
  static PetSuvHeader.Builder base() {
    return PetSuvHeader.builder()
        .manufacturer("SIEMENS")
        .units("BQML")
        .decayCorrection("START")
        .correctedImage(List.of("NORM", "ATTN", "SCAT", "DECY"))
        .patientWeightKg(70.0)
        .series("20201217", "100000")
        .radiopharmaceuticalStartTime("090000")
        .radiopharmaceuticalStartDateTime("20201217090000")
        .radionuclideTotalDoseBq(3.7e8)
        .radionuclideHalfLifeS(F18_HALF_LIFE_S)
        .addInstance(new PetInstanceTiming("20201217", "100000", 60_000.0, 120_000.0));
  }

  private static double relativeTolerance(double expected) {
    return Math.abs(expected) * 1e-12;
  }

  @Test
  void startCorrectedBqmlDecaysTheDoseToTheScanTime() {
    SuvFactors f = SuvCalculator.compute(base().build());
    // 70 000 g / (3.7e8 Bq * 2^(-3600 s / 6586.2 s))
    double expected = 70_000 / (3.7e8 * Math.pow(2, -3600 / F18_HALF_LIFE_S));
    assertEquals(expected, f.suvbwFactor(), relativeTolerance(expected));
    assertEquals(3600.0, f.elapsedSeconds().orElseThrow(), 1e-9);
    assertEquals(
        3.7e8 * Math.pow(2, -3600 / F18_HALF_LIFE_S), f.decayedDoseBq().orElseThrow(), 1e-3);
    assertEquals(ScanTimeRule.SERIES, f.scanTime().orElseThrow().rule());
  }

  @Test
  void injectionBeforeMidnightAndScanAfterItUseTheDates() {
    PetSuvHeader h =
        base()
            .radiopharmaceuticalStartDateTime("20201217235000")
            .radiopharmaceuticalStartTime("235000")
            .series("20201218", "004000")
            .instances(List.of(new PetInstanceTiming("20201218", "004000", 60_000.0, 120_000.0)))
            .build();
    SuvFactors f = SuvCalculator.compute(h);
    // 23:50 day 1 -> 00:40 day 2 = 3000 s; 70 000 g / (3.7e8 Bq * 2^(-3000/6586.2)) by hand:
    assertEquals(3000.0, f.elapsedSeconds().orElseThrow(), 1e-9);
    assertEquals(0.000259426797491948, f.suvbwFactor(), 1e-15);
  }

  @Test
  void startTimeWithoutDateIsPutOnTheScanDate() {
    PetSuvHeader h = base().radiopharmaceuticalStartDateTime(null).build();
    SuvFactors f = SuvCalculator.compute(h);
    assertEquals(3600.0, f.elapsedSeconds().orElseThrow(), 1e-9);
    assertTrue(f.reason().contains("RadiopharmaceuticalStartTime on the scan date"), f.reason());
  }

  @Test
  void startTimeWithoutDateAcrossMidnightIsAnErrorNotAFixUp() {
    PetSuvHeader h =
        base()
            .radiopharmaceuticalStartDateTime(null)
            .radiopharmaceuticalStartTime("235000")
            .series("20201218", "004000")
            .instances(List.of(new PetInstanceTiming("20201218", "004000", 60_000.0, 120_000.0)))
            .build();
    SuvException e = assertThrows(SuvException.class, () -> SuvCalculator.compute(h));
    assertEquals("RadiopharmaceuticalStartTime", e.attribute());
    assertTrue(e.getMessage().contains("'235000'"), e.getMessage());
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
    assertTrue(e.getMessage().contains("needs RadiopharmaceuticalStartDateTime"), e.getMessage());
  }

  @Test
  void adminCorrectedImagesAreNotDecayedTwice() {
    PetSuvHeader admin = base().decayCorrection("ADMIN").build();
    SuvFactors f = SuvCalculator.compute(admin);
    assertEquals(70_000 / 3.7e8, f.suvbwFactor(), relativeTolerance(70_000 / 3.7e8));
    assertEquals(3.7e8, f.decayedDoseBq().orElseThrow());
    assertTrue(f.elapsedSeconds().isEmpty());
    assertTrue(f.scanTime().isEmpty());
    assertNotEquals(SuvCalculator.compute(base().build()).suvbwFactor(), f.suvbwFactor());
  }

  @Test
  void gmlValuesAreAlreadySuv() {
    PetSuvHeader h =
        PetSuvHeader.builder()
            .units("GML")
            .decayCorrection("ADMIN")
            .correctedImage(List.of("DECY", "ATTN"))
            .addInstance(new PetInstanceTiming(null, null, null, null))
            .build();
    SuvFactors f = SuvCalculator.compute(h);
    assertEquals(1.0, f.suvbwFactor());
    assertEquals(SuvFactorSource.GML, f.source());
    assertTrue(f.decayedDoseBq().isEmpty());
    assertTrue(f.sulFactor().isEmpty(), "no SUL without weight, height and sex");
  }

  @Test
  void seriesTimeLaterThanAcquisitionFallsBackToTheGePostInjectionTime() {
    PetSuvHeader.Builder derived =
        base()
            .manufacturer("GE MEDICAL SYSTEMS")
            .series("20201217", "120000") // creation time of a derived series
            .instances(
                List.of(
                    new PetInstanceTiming("20201217", "103500", 0.0, 120_000.0),
                    new PetInstanceTiming("20201217", "103000", 0.0, 120_000.0)));
    SuvFactors ge =
        SuvCalculator.compute(derived.gePostInjectionDateTime("20201217100500").build());
    assertEquals(ScanTimeRule.GE_POST_INJECTION, ge.scanTime().orElseThrow().rule());
    assertEquals(3900.0, ge.elapsedSeconds().orElseThrow(), 1e-9); // 09:00:00 -> 10:05:00

    SuvFactors acq = SuvCalculator.compute(derived.gePostInjectionDateTime(null).build());
    assertEquals(ScanTimeRule.EARLIEST_ACQUISITION, acq.scanTime().orElseThrow().rule());
    assertEquals(
        5400.0, acq.elapsedSeconds().orElseThrow(), 1e-9); // 09:00:00 -> 10:30:00 (earliest)
  }

  @Test
  void decayCorrectionNoneDecaysTheDoseByTheMeanOverEachFrame() {
    // Two frames of a non-decay-corrected series; FrameReferenceTime is the frame mid-time after
    // the series time 10:00:00 (3600 s after injection).
    double[][] frames = {{90_000, 60_000}, {240_000, 180_000}}; // {FrameReferenceTime, duration} ms
    PetSuvHeader.Builder b =
        base().decayCorrection("NONE").correctedImage(List.of("ATTN")).instances(List.of());
    for (double[] fr : frames) {
      b.addInstance(new PetInstanceTiming("20201217", "100000", fr[0], fr[1]));
    }
    List<SuvFactors> perFrame = SuvCalculator.computePerInstance(b.build());

    for (int i = 0; i < frames.length; i++) {
      double start = 3600 + (frames[i][0] - frames[i][1] / 2) / 1000;
      double meanDecay = meanDecaySimpson(start, frames[i][1] / 1000);
      double expected = 70_000 / (3.7e8 * meanDecay);
      assertEquals(expected, perFrame.get(i).suvbwFactor(), 1e-9 * expected, "frame " + i);
    }
    SuvException e = assertThrows(SuvException.class, () -> SuvCalculator.compute(b.build()));
    assertEquals("FrameReferenceTime", e.attribute());
  }

  /** Mean of 2^(-t/T) over [start, start + duration] s by Simpson's rule (independent check). */
  private static double meanDecaySimpson(double start, double duration) {
    int n = 2000;
    double h = duration / n;
    double sum = 0;
    for (int k = 0; k <= n; k++) {
      double w = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2);
      sum += w * Math.pow(2, -(start + k * h) / F18_HALF_LIFE_S);
    }
    return sum * h / 3 / duration;
  }

  @Test
  void decayCorrectionNoneWithOneFrameHasASeriesFactor() {
    PetSuvHeader h = base().decayCorrection("NONE").build();
    SuvFactors f = SuvCalculator.compute(h);
    // frame 0..120 s after the series time: mean decay over [3600, 3720] s after injection
    double expected = 70_000 / (3.7e8 * meanDecaySimpson(3600, 120));
    assertEquals(expected, f.suvbwFactor(), 1e-9 * expected);
    assertTrue(f.elapsedSeconds().orElseThrow() > 3600 && f.elapsedSeconds().orElseThrow() < 3660);
  }

  @Test
  void sulAndSuvbsaForAKnownMale() {
    // 80 kg, 1.80 m, ADMIN so SUVbw factor = 80 000 g / 4e8 Bq = 2e-4 g/Bq.
    // BMI = 80 / 1.8^2 = 24.691358; LBM = 9270*80 / (6680 + 216*24.691358) = 61.731410 kg
    // BSA = 0.007184 * 80^0.425 * 180^0.725 = 1.996421 m^2
    SuvFactors f = SuvCalculator.compute(adult("M", 80, 1.80));
    assertEquals(2e-4, f.suvbwFactor(), 1e-18);
    assertEquals(61.73140954495 * 1000 / 4e8, f.sulFactor().orElseThrow(), 1e-15);
    assertEquals(1.99642102227504 * 1e4 / 4e8, f.suvbsaFactor().orElseThrow(), 1e-15);
  }

  @Test
  void sulAndSuvbsaForAKnownFemale() {
    // 60 kg, 1.65 m: BMI = 22.038567; LBM = 9270*60 / (8780 + 244*22.038567) = 39.286846 kg
    // BSA = 0.007184 * 60^0.425 * 165^0.725 = 1.658657 m^2
    SuvFactors f = SuvCalculator.compute(adult("F", 60, 1.65));
    assertEquals(39.28684565900 * 1000 / 4e8, f.sulFactor().orElseThrow(), 1e-15);
    assertEquals(1.65865653684094 * 1e4 / 4e8, f.suvbsaFactor().orElseThrow(), 1e-15);
  }

  @Test
  void suvbsaWithoutSexAndNeitherWithImplausibleHeight() {
    SuvFactors unknownSex = SuvCalculator.compute(adult("O", 60, 1.65));
    assertTrue(unknownSex.sulFactor().isEmpty());
    assertTrue(unknownSex.suvbsaFactor().isPresent());
    SuvFactors centimetres = SuvCalculator.compute(adult("F", 60, 165));
    assertTrue(centimetres.sulFactor().isEmpty());
    assertTrue(centimetres.suvbsaFactor().isEmpty());
  }

  private static PetSuvHeader adult(String sex, double kg, double m) {
    return base()
        .decayCorrection("ADMIN")
        .radionuclideTotalDoseBq(4e8)
        .patientWeightKg(kg)
        .patientSizeM(m)
        .patientSex(sex)
        .build();
  }

  static Stream<Arguments> rejections() {
    return Stream.of(
        rejected(
            "no ATTN",
            b -> b.correctedImage(List.of("DECY", "SCAT")),
            "CorrectedImage",
            "does not include ATTN"),
        rejected(
            "no DECY",
            b -> b.correctedImage(List.of("ATTN")),
            "CorrectedImage",
            "does not include DECY"),
        rejected(
            "GML without ATTN",
            b -> b.units("GML").correctedImage(List.of("DECY")),
            "CorrectedImage",
            "ATTN"),
        rejected(
            "unknown unit",
            b -> b.units("PROPCPS"),
            "Units",
            "Units 'PROPCPS' is not a supported PET unit (BQML, CNTS, GML)"),
        rejected("no unit", b -> b.units(null), "Units", "Units is missing"),
        rejected(
            "CNTS without Philips factors",
            b -> b.units("CNTS"),
            "Units",
            "(7053,1000) absent, (7053,1009) absent"),
        rejected(
            "CNTS with zero Philips factor",
            b -> b.units("CNTS").philipsSuvScaleFactor(0.0),
            "Units",
            "(7053,1000) '0.0'"),
        rejected(
            "unknown decay correction",
            b -> b.decayCorrection("DECAY"),
            "DecayCorrection",
            "DecayCorrection 'DECAY' is not supported (START, ADMIN, NONE)"),
        rejected(
            "no weight", b -> b.patientWeightKg(null), "PatientWeight", "PatientWeight is missing"),
        rejected(
            "zero weight",
            b -> b.patientWeightKg(0.0),
            "PatientWeight",
            "PatientWeight '0.0' kg is not positive"),
        rejected(
            "no dose",
            b -> b.radionuclideTotalDoseBq(null),
            "RadionuclideTotalDose",
            "RadionuclideTotalDose is missing"),
        rejected(
            "zero dose",
            b -> b.radionuclideTotalDoseBq(0.0),
            "RadionuclideTotalDose",
            "'0.0' Bq is not positive"),
        rejected(
            "no half-life",
            b -> b.radionuclideHalfLifeS(null),
            "RadionuclideHalfLife",
            "RadionuclideHalfLife is missing"),
        rejected(
            "zero half-life",
            b -> b.radionuclideHalfLifeS(0.0),
            "RadionuclideHalfLife",
            "'0.0' s is not positive"),
        rejected(
            "CNTS via (7053,1009) without weight",
            b -> b.units("CNTS").philipsActivityConcentrationScaleFactor(1.6).patientWeightKg(null),
            "PatientWeight",
            "never guessed"),
        rejected(
            "no injection time",
            b -> b.radiopharmaceuticalStartTime(null).radiopharmaceuticalStartDateTime(null),
            "RadiopharmaceuticalStartTime",
            "both missing"),
        rejected(
            "injection after the scan",
            b -> b.radiopharmaceuticalStartDateTime("20201217103000"),
            "RadiopharmaceuticalStartDateTime",
            "is negative"),
        rejected(
            "malformed series time", b -> b.series("20201217", "25:61"), "SeriesTime", "'25:61'"),
        rejected(
            "malformed injection date-time",
            b -> b.radiopharmaceuticalStartDateTime("2020-12-17 09:00"),
            "RadiopharmaceuticalStartDateTime",
            "'2020-12-17 09:00'"),
        rejected(
            "no acquisition time",
            b -> b.instances(List.of(new PetInstanceTiming("20201217", null, 0.0, 1.0))),
            "AcquisitionTime",
            "AcquisitionTime is missing (instance 0)"),
        rejected(
            "NONE without frame reference time",
            b ->
                b.decayCorrection("NONE")
                    .instances(
                        List.of(new PetInstanceTiming("20201217", "100000", null, 120_000.0))),
            "FrameReferenceTime",
            "FrameReferenceTime is missing"),
        rejected(
            "NONE with zero frame duration",
            b ->
                b.decayCorrection("NONE")
                    .instances(List.of(new PetInstanceTiming("20201217", "100000", 0.0, 0.0))),
            "ActualFrameDuration",
            "ActualFrameDuration '0.0' ms is invalid"),
        rejected(
            "NONE with an unset (GE) frame reference time",
            b ->
                b.decayCorrection("NONE")
                    .instances(
                        List.of(new PetInstanceTiming("20201217", "100000", 0.0, 120_000.0))),
            "FrameReferenceTime",
            "less than half the ActualFrameDuration"));
  }

  private static Arguments rejected(
      String name, UnaryOperator<PetSuvHeader.Builder> change, String attribute, String message) {
    return Arguments.of(name, change, attribute, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejectsWithTheAttributeAndValueNamed(
      String name, UnaryOperator<PetSuvHeader.Builder> change, String attribute, String message) {
    PetSuvHeader h = change.apply(base()).build();
    SuvException e = assertThrows(SuvException.class, () -> SuvCalculator.compute(h));
    assertEquals(attribute, e.attribute(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
