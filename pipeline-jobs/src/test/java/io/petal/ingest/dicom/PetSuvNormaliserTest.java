package io.petal.ingest.dicom;

import static io.petal.ingest.dicom.SyntheticSeries.AXIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.ingest.LoadedStudy;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.TestDicom;
import io.petal.io.dicom.VR;
import io.petal.suv.SuvCalculator;
import io.petal.suv.SuvFactors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SUV normalisation of synthetic PET series: per-slice factors for DecayCorrection NONE, GML, refusals. */
class PetSuvNormaliserTest {
  /** FrameReferenceTime (ms) of the plane tagged k: frames 60 s long, one after the other. */
  private static double frameReferenceMs(int k) {
    return 30_000 + 60_000.0 * k;
  }

  @Test
  void decayCorrectionNoneScalesEachSliceByItsOwnFrameFactor() throws Exception {
    // files in reverse position order, so file index and slice index differ
    List<DicomFile> files = new ArrayList<>();
    for (int k = 3; k >= 0; k--) {
      files.add(SyntheticSeries.read(pet(k, "BQML", "NONE", "ATTN\\SCAT"), "pet" + k + ".dcm"));
    }
    List<SuvFactors> perFile = SuvCalculator.computePerInstance(PetSuvHeaders.of(files));
    DicomSeries series = DicomSeriesAssembler.assemble(files);

    LoadedStudy.SuvNormalisation suv = PetSuvNormaliser.normalise(series, files);

    for (int k = 0; k < 4; k++) {
      double factor = perFile.get(3 - k).suvbwFactor();
      assertEquals(SyntheticSeries.stored(k, 1, 1) * 2.0 * factor, series.volume().get(1, 1, k),
          1e-6 * SyntheticSeries.stored(k, 1, 1) * 2.0 * factor);
    }
    assertNotEquals(perFile.get(0).suvbwFactor(), perFile.get(3).suvbwFactor());
    assertEquals(perFile.get(3).suvbwFactor(), suv.factor(), 0); // slice 0 is the last file
    assertTrue(suv.rule().startsWith("per-slice factors"), suv.rule());
    // later frames decayed more: a larger factor
    assertTrue(perFile.get(0).suvbwFactor() > perFile.get(3).suvbwFactor());
  }

  @Test
  void gmlSeriesKeepsItsValues() throws Exception {
    List<DicomFile> files = List.of(SyntheticSeries.read(pet(0, "GML", "ADMIN", "ATTN\\DECY"), "a.dcm"),
        SyntheticSeries.read(pet(1, "GML", "ADMIN", "ATTN\\DECY"), "b.dcm"));
    DicomSeries series = DicomSeriesAssembler.assemble(files);
    float before = series.volume().get(2, 0, 1);
    LoadedStudy.SuvNormalisation suv = PetSuvNormaliser.normalise(series, files);
    assertEquals(1.0, suv.factor());
    assertEquals(before, series.volume().get(2, 0, 1));
    assertNull(suv.sulFactor()); // no height or sex
  }

  @Test
  void unknownUnitsAreRejectedWithTheRulesReason() throws Exception {
    List<DicomFile> files = List.of(SyntheticSeries.read(pet(0, "PROPCPS", "START", "ATTN\\DECY"), "a.dcm"));
    DicomSeries series = DicomSeriesAssembler.assemble(files);
    String m = assertThrows(StudyRejectedException.class, () -> PetSuvNormaliser.normalise(series, files))
        .getMessage();
    assertEquals("Units 'PROPCPS' is not a supported PET unit (BQML, CNTS, GML)", m);
  }

  @Test
  void seriesLevelValuesMustAgree() throws Exception {
    List<DicomFile> files = List.of(SyntheticSeries.read(pet(0, "BQML", "START", "ATTN\\DECY"), "a.dcm"),
        SyntheticSeries.read(pet(1, "BQML", "START", "ATTN\\DECY").ds(DicomTags.PATIENT_WEIGHT, 80), "b.dcm"));
    DicomSeries series = DicomSeriesAssembler.assemble(files);
    String m = assertThrows(StudyRejectedException.class, () -> PetSuvNormaliser.normalise(series, files))
        .getMessage();
    assertTrue(m.startsWith("PatientWeight differs between instances"), m);
  }

  /** A PET plane tagged k at z = 3k mm, RescaleSlope 2, injected 1 h before the scan. */
  private static TestDicom pet(int k, String units, String decayCorrection, String corrected) {
    return SyntheticSeries.plane(k, new double[] {0, 0, 3.0 * k}, AXIAL)
        .text(DicomTags.MODALITY, VR.CS, "PT")
        .ds(DicomTags.RESCALE_SLOPE, 2.0)
        .text(DicomTags.UNITS, VR.CS, units)
        .text(DicomTags.DECAY_CORRECTION, VR.CS, decayCorrection)
        .text(DicomTags.CORRECTED_IMAGE, VR.CS, corrected)
        .ds(DicomTags.PATIENT_WEIGHT, 70)
        .text(DicomTags.SERIES_DATE, VR.DA, "20240301")
        .text(DicomTags.SERIES_TIME, VR.TM, "100000")
        .text(DicomTags.ACQUISITION_DATE, VR.DA, "20240301")
        .text(DicomTags.ACQUISITION_TIME, VR.TM, "100000")
        .ds(DicomTags.FRAME_REFERENCE_TIME, frameReferenceMs(k))
        .text(DicomTags.ACTUAL_FRAME_DURATION, VR.IS, "60000")
        .sequence(DicomTags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, new TestDicom()
            .text(DicomTags.RADIOPHARMACEUTICAL_START_DATE_TIME, VR.DT, "20240301090000")
            .ds(DicomTags.RADIONUCLIDE_TOTAL_DOSE, 3.7e8)
            .ds(DicomTags.RADIONUCLIDE_HALF_LIFE, 6586.2));
  }
}
