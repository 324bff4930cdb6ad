package io.petal.suv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.testing.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eight vendor header sets of {@code shared/data/suv-headers} (calculate-suv test material)
 * give the published SUVbw factors, by the rule a reader of docs/suv.md expects.
 */
class SuvHeaderFilesTest {

  /** The README's acceptance tolerance (absolute, g/Bq). */
  private static final double README_TOLERANCE = 1e-6;

  /**
   * Relative tolerance actually asserted: 1e-6 absolute would not tell the series time from the
   * acquisition time in the SIEMENS case (6e-8 apart), so the rule is pinned much tighter.
   */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  static List<Map<String, Object>> read(String file) throws IOException {
    return new ObjectMapper()
        .readValue(SharedData.data("suv-headers/" + file).toFile(), new TypeReference<>() {});
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "SIEMENS-instances.json,                          0.00042748316187197236, BQML, SERIES",
    "GE_MEDICAL_AND_BQML-instances.json,              0.0005367387681819742,  BQML, SERIES",
    "PHILIPS_BQML-instances.json,                     0.0007463747013889488,  BQML, SERIES",
    "PHILIPS_CNTS_AND_BQML_SUV-instances.json,        0.000551,              "
        + " PHILIPS_SUV_SCALE_FACTOR, ",
    "PHILIPS_CNTS_AND_SUV-instances.json,             0.000728,              "
        + " PHILIPS_SUV_SCALE_FACTOR, ",
    "BQML_AC_DT_lessThan_S_DT_SIEMENS-instances.json, 0.0004069156854009332,  BQML,"
        + " EARLIEST_ACQUISITION",
    "CPS_AND_BQML_AC_DT_-_S_DT-instances.json,        0.00026503312764157046, BQML,"
        + " EARLIEST_ACQUISITION",
    "RADIOPHARM_DATETIME_UNDEFINED-instances.json,    0.0003721089202818729,  BQML, SERIES",
  })
  void givesThePublishedBodyWeightFactor(
      String file, double expected, SuvFactorSource source, ScanTimeRule rule) throws IOException {
    SuvFactors f = SuvCalculator.compute(PetSuvHeaderAdapter.fromInstances(read(file)));

    assertEquals(expected, f.suvbwFactor(), README_TOLERANCE);
    assertEquals(expected, f.suvbwFactor(), expected * RELATIVE_TOLERANCE, f.reason());
    assertEquals(source, f.source());
    if (rule == null) {
      assertTrue(f.scanTime().isEmpty(), "a Philips SUV scale factor needs no scan time");
      assertTrue(f.decayedDoseBq().isEmpty());
    } else {
      assertEquals(rule, f.scanTime().orElseThrow().rule(), f.reason());
      assertTrue(f.reason().contains(rule.name()), f.reason());
    }
  }

  @Test
  void everyInstanceOfAStartCorrectedSeriesSharesTheSeriesFactor() throws IOException {
    PetSuvHeader h = PetSuvHeaderAdapter.fromInstances(read("SIEMENS-instances.json"));
    double series = SuvCalculator.compute(h).suvbwFactor();
    List<SuvFactors> perInstance = SuvCalculator.computePerInstance(h);
    assertEquals(3, perInstance.size());
    perInstance.forEach(f -> assertEquals(series, f.suvbwFactor()));
  }

  @Test
  void philipsActivityConcentrationFactorTimesBqmlFactorAgreesWithTheScannersSuvFactor()
      throws IOException {
    List<Map<String, Object>> instances = read("PHILIPS_CNTS_AND_BQML_SUV-instances.json");
    double scannerSuvFactor = 0.000551; // (7053,1000) in the file
    instances.forEach(m -> ((Map<?, ?>) m.get("PhilipsPETPrivateGroup")).remove("SUVScaleFactor"));

    SuvFactors f = SuvCalculator.compute(PetSuvHeaderAdapter.fromInstances(instances));

    // Series 09:35:56 is before acquisition 09:54:39: dt = 09:35:56 - 08:30:00 = 3956 s.
    double bqml = 54_000 / (238e6 * Math.pow(2, -3956 / 6588.0));
    assertEquals(SuvFactorSource.PHILIPS_ACTIVITY_CONCENTRATION, f.source());
    assertEquals(1.602563 * bqml, f.suvbwFactor(), 1e-12 * f.suvbwFactor());
    assertEquals(3956.0, f.elapsedSeconds().orElseThrow(), 1e-9);
    assertEquals(scannerSuvFactor, f.suvbwFactor(), 1e-3 * scannerSuvFactor);
  }

  @Test
  void bqmlSeriesIgnoresThePhilipsPrivateGroup() throws IOException {
    SuvFactors f =
        SuvCalculator.compute(
            PetSuvHeaderAdapter.fromInstances(read("PHILIPS_BQML-instances.json")));
    assertEquals(SuvFactorSource.BQML, f.source());
    assertFalse(f.reason().contains("7053"), f.reason());
  }
}
