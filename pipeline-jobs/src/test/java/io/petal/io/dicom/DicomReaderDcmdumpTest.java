package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader against dcmdump on the real IBSI PET, CT, MR and RTSTRUCT files (implicit VR little
 * endian; the MR series explicit VR little endian).
 */
class DicomReaderDcmdumpTest {

  static Stream<Path> sampledFiles() {
    List<Path> files = new ArrayList<>();
    for (String patient : List.of("STS_001", "STS_002")) {
      files.addAll(IbsiFiles.sample(patient, "PET", patient.equals("STS_001") ? 10 : 3));
      files.addAll(IbsiFiles.sample(patient, "CT", patient.equals("STS_001") ? 10 : 3));
      files.addAll(IbsiFiles.sample(patient, "MR_T1", 2));
      for (String modality : List.of("PET", "CT", "MR_T1")) {
        files.add(IbsiFiles.rtstruct(patient, modality));
      }
    }
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("sampledFiles")
  void everyElementMatchesDcmdumpAtEveryDepth(Path file) throws Exception {
    Dcmdump.Dump dump = Dcmdump.dump(file);
    DicomFile dicom = DicomReader.read(file);
    DumpComparison.assertMatches(dump, dicom);
  }

  @Test
  void rtstructNestingMatchesDcmdump() throws Exception {
    Path file = IbsiFiles.rtstruct("STS_001", "PET");
    Dcmdump.Dump dump = Dcmdump.dump(file);
    DicomObject rs = DicomReader.read(file).dataset();

    List<DicomObject> rois = rs.getSequence(DicomTags.STRUCTURE_SET_ROI_SEQUENCE);
    List<DicomObject> contours = rs.getSequence(DicomTags.ROI_CONTOUR_SEQUENCE);
    Dcmdump.Element dumpRois = find(dump.dataset(), DicomTags.STRUCTURE_SET_ROI_SEQUENCE);
    Dcmdump.Element dumpContours = find(dump.dataset(), DicomTags.ROI_CONTOUR_SEQUENCE);
    assertEquals(dumpRois.items().size(), rois.size(), "number of ROIs");
    assertEquals(dumpContours.items().size(), contours.size(), "number of ROI contours");
    assertFalse(rois.isEmpty());

    for (int r = 0; r < contours.size(); r++) {
      Dcmdump.Element dumpPlanes = find(dumpContours.items().get(r), DicomTags.CONTOUR_SEQUENCE);
      List<DicomObject> planes = contours.get(r).getSequence(DicomTags.CONTOUR_SEQUENCE);
      assertEquals(dumpPlanes.items().size(), planes.size(), "contours of ROI " + r);
      assertEquals(
          Integer.parseInt(find(dumpContours.items().get(r), DicomTags.REFERENCED_ROI_NUMBER).text()),
          contours.get(r).requireInt(DicomTags.REFERENCED_ROI_NUMBER));
    }
    String roiName = rois.get(0).requireString(DicomTags.ROI_NAME);
    assertEquals(find(dumpRois.items().get(0), DicomTags.ROI_NAME).text(), roiName);

    DicomObject firstContour = contours.get(0).getItem(DicomTags.CONTOUR_SEQUENCE, 0);
    double[] points = firstContour.getDoubles(DicomTags.CONTOUR_DATA);
    double[] expected = DumpComparison.numbers(
        find(find(dumpContours.items().get(0), DicomTags.CONTOUR_SEQUENCE).items().get(0),
            DicomTags.CONTOUR_DATA).text());
    assertArrayEquals(expected, points, 0.0, "ContourData of the first contour");
    assertEquals(3 * firstContour.requireInt(DicomTags.NUMBER_OF_CONTOUR_POINTS), points.length);
    assertEquals(
        rs.requireString(DicomTags.FRAME_OF_REFERENCE_UID),
        rs.getItem(DicomTags.REFERENCED_FRAME_OF_REFERENCE_SEQUENCE, 0)
            .requireString(DicomTags.FRAME_OF_REFERENCE_UID),
        "the RTSTRUCT refers to its own frame of reference");
  }

  @Test
  void petHeaderAttributesPetalUsesReadWithTheirTypes() throws Exception {
    DicomObject pet = DicomReader.readHeader(IbsiFiles.petSlice()).dataset();
    assertEquals("PT", pet.requireString(DicomTags.MODALITY));
    assertEquals("GML", pet.requireString(DicomTags.UNITS));
    assertEquals("ADMIN", pet.requireString(DicomTags.DECAY_CORRECTION));
    assertTrue(List.of(pet.getStrings(DicomTags.CORRECTED_IMAGE)).containsAll(List.of("ATTN",
        "DECY")));
    assertEquals(71.0, pet.requireDouble(DicomTags.PATIENT_WEIGHT), 0.0);
    assertEquals(43, pet.requireInt(DicomTags.ROWS));
    assertEquals(41, pet.requireInt(DicomTags.COLUMNS));
    assertArrayEquals(new double[] {4.6875, 4.6875}, pet.getDoubles(DicomTags.PIXEL_SPACING), 0);
    assertEquals(6, pet.requireDoubles(DicomTags.IMAGE_ORIENTATION_PATIENT, 6).length);
    DicomObject drug = pet.getItem(DicomTags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, 0);
    assertEquals(3.88777472e8, drug.requireDouble(DicomTags.RADIONUCLIDE_TOTAL_DOSE), 0.0);
    assertEquals(6588.0, drug.requireDouble(DicomTags.RADIONUCLIDE_HALF_LIFE), 0.0);
    assertEquals("103500.00", drug.requireString(DicomTags.RADIOPHARMACEUTICAL_START_TIME));
    assertEquals("112011.00", pet.requireString(DicomTags.SERIES_TIME));
    assertNull(pet.getString(DicomTags.PATIENT_BIRTH_DATE), "empty value reads as null");
    assertTrue(pet.has(DicomTags.PATIENT_BIRTH_DATE));
  }

  private static Dcmdump.Element find(List<Dcmdump.Element> elements, int tag) {
    return elements.stream().filter(e -> e.tag() == tag).findFirst()
        .orElseThrow(() -> new AssertionError("dcmdump has no " + DicomTags.format(tag)));
  }
}
