package io.petal.suv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PetSuvHeaderAdapterTest {

  private static Map<String, Object> instance(String acquisitionTime, double frameReferenceMs) {
    Map<String, Object> m = new HashMap<>();
    m.put("Units", "BQML ");
    m.put("DecayCorrection", "START");
    m.put("CorrectedImage", "ATTN\\DECY\\SCAT");
    m.put("PatientWeight", "70.5 ");
    m.put("PatientSize", 1.7);
    m.put("SeriesDate", "20201217");
    m.put("SeriesTime", "100000");
    m.put("AcquisitionDate", "20201217");
    m.put("AcquisitionTime", acquisitionTime);
    m.put("FrameReferenceTime", frameReferenceMs);
    m.put("ActualFrameDuration", 120000);
    m.put(
        "RadiopharmaceuticalInformationSequence",
        List.of(
            Map.of(
                "RadiopharmaceuticalStartTime",
                "090000",
                "RadionuclideTotalDose",
                "3.7E8",
                "RadionuclideHalfLife",
                6586.2)));
    m.put("70531009", "1.5");
    m.put("0009100D", "20201217100000");
    return m;
  }

  @Test
  void mapsKeywordsPrivateTagsAndTheRadiopharmaceuticalSequence() {
    PetSuvHeader h =
        PetSuvHeaderAdapter.fromInstances(
            List.of(instance("100010", 60_000), instance("100210", 180_000)));
    assertEquals("BQML", h.units());
    assertEquals(List.of("ATTN", "DECY", "SCAT"), h.correctedImage());
    assertEquals(70.5, h.patientWeightKg());
    assertEquals(3.7e8, h.radionuclideTotalDoseBq());
    assertEquals(6586.2, h.radionuclideHalfLifeS());
    assertEquals("090000", h.radiopharmaceuticalStartTime());
    assertNull(h.radiopharmaceuticalStartDateTime());
    assertEquals(1.5, h.philipsActivityConcentrationScaleFactor());
    assertNull(h.philipsSuvScaleFactor());
    assertEquals("20201217100000", h.gePostInjectionDateTime());
    assertEquals(2, h.instances().size());
    assertEquals("100210", h.instances().get(1).acquisitionTime());
    assertEquals(180_000.0, h.instances().get(1).frameReferenceTimeMs());
  }

  @Test
  void seriesLevelValuesMustAgree() {
    Map<String, Object> other = instance("100210", 180_000);
    other.put("PatientWeight", 71);
    SuvException e =
        assertThrows(
            SuvException.class,
            () -> PetSuvHeaderAdapter.fromInstances(List.of(instance("100010", 60_000), other)));
    assertEquals("PatientWeight", e.attribute());
    assertTrue(
        e.getMessage().contains("'70.5'") && e.getMessage().contains("'71.0'"), e.getMessage());
  }

  @Test
  void rejectsWrongTypesAndEmptySeries() {
    Map<String, Object> m = instance("100010", 60_000);
    m.put("SeriesTime", 95621); // a TM written as a number has lost its leading zero
    SuvException e =
        assertThrows(SuvException.class, () -> PetSuvHeaderAdapter.fromInstances(List.of(m)));
    assertEquals("SeriesTime", e.attribute());
    m.put("SeriesTime", "100000");
    m.put("PatientWeight", "seventy");
    e = assertThrows(SuvException.class, () -> PetSuvHeaderAdapter.fromInstances(List.of(m)));
    assertTrue(e.getMessage().contains("PatientWeight 'seventy' is not a number"), e.getMessage());
    assertThrows(SuvException.class, () -> PetSuvHeaderAdapter.fromInstances(List.of()));
  }
}
