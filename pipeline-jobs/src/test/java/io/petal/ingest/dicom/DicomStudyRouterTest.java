package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.ingest.ChannelSource;
import io.petal.ingest.StudyRejectedException;
import io.petal.ingest.StudySource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which series of a DICOM study become its channels and label. */
class DicomStudyRouterTest {
  private static final String FRAME = "1.2.3.100";

  @Test
  void picksTheAttenuationCorrectedPetTheNonLocalizerCtAndTheStructureSetOnThePet() throws Exception {
    List<DicomInstanceHeader> files = new ArrayList<>();
    files.addAll(series("nac", "PT", 1, FRAME, "BQML", false, false, List.of(), 2));
    files.addAll(series("ac2", "PT", 3, FRAME, "BQML", true, false, List.of(), 2));
    files.addAll(series("ac1", "PT", 2, FRAME, "BQML", true, false, List.of(), 2));
    files.addAll(series("scout", "CT", 4, FRAME, null, false, true, List.of(), 1));
    files.addAll(series("ctOther", "CT", 5, "9.9.9", null, false, false, List.of(), 2));
    files.addAll(series("ct", "CT", 6, FRAME, null, false, false, List.of(), 2));
    files.addAll(series("rsCt", "RTSTRUCT", 7, FRAME, null, false, false, List.of(uid("ct")), 1));
    files.addAll(series("rsPet", "RTSTRUCT", 8, FRAME, null, false, false, List.of(uid("ac1")), 1));
    files.addAll(series("mr", "MR", 9, FRAME, null, false, false, List.of(), 2));

    StudySource s = DicomStudyRouter.route(files, "c", "p1/s1");

    assertEquals(List.of("PET", "CT"), s.channels().stream().map(ChannelSource::name).toList());
    assertEquals(List.of("/in/ac1/0.dcm", "/in/ac1/1.dcm"), s.channels().get(0).paths());
    assertEquals(ChannelSource.Role.PET_RAW, s.channels().get(0).role());
    assertEquals(List.of("/in/ct/0.dcm", "/in/ct/1.dcm"), s.channels().get(1).paths());
    assertEquals(List.of("/in/rsPet/0.dcm"), s.labels().get(0).paths());
    assertEquals("P-1", s.patientId());
    assertEquals("study-uid", s.studyId());
    assertEquals("p1/s1", s.sourceRef());
  }

  @Test
  void firstPetBySeriesNumberWhenNoneIsAttenuationCorrectedAndGmlIsAlreadySuv() throws Exception {
    List<DicomInstanceHeader> files = new ArrayList<>();
    files.addAll(series("b", "PT", 12, FRAME, "GML", false, false, List.of(), 1));
    files.addAll(series("a", "PT", 11, FRAME, "GML", false, false, List.of(), 1));
    files.addAll(series("seg", "SEG", 13, FRAME, null, false, false, List.of(uid("a")), 1));
    StudySource s = DicomStudyRouter.route(files, "c", ".");
    assertEquals(List.of("/in/a/0.dcm"), s.channels().get(0).paths());
    assertEquals(ChannelSource.Role.PET_SUV, s.channels().get(0).role());
    assertEquals(1, s.channels().size());
    assertEquals(ChannelSource.Format.DICOM_SEG, s.labels().get(0).format());
  }

  @Test
  void aStudyOfNmImagesWithoutPetIsAPlanarBoneScanOfAllItsNmFiles() throws Exception {
    List<DicomInstanceHeader> files = new ArrayList<>();
    files.addAll(series("ant", "NM", 1, null, null, false, false, List.of(), 1));
    files.addAll(series("post", "NM", 2, null, null, false, false, List.of(), 1));
    files.addAll(series("ct", "CT", 3, FRAME, null, false, false, List.of(), 2));
    StudySource s = DicomStudyRouter.route(files, "c", "p1/s1");
    assertEquals("spect-bone", s.kind());
    assertEquals(1, s.channels().size());
    ChannelSource counts = s.channels().get(0);
    assertEquals(List.of("counts", "counts", ChannelSource.Format.DICOM_PLANAR),
        List.of(counts.name(), counts.unit(), counts.format()));
    assertEquals(List.of("/in/ant/0.dcm", "/in/post/0.dcm"), counts.paths());
    assertTrue(s.labels().isEmpty());

    List<DicomInstanceHeader> withPet = new ArrayList<>(files);
    withPet.addAll(series("pet", "PT", 4, FRAME, "BQML", true, false, List.of(), 2));
    assertEquals("pet-ct", DicomStudyRouter.route(withPet, "c", "p1/s1").kind(), "PET wins over NM");
  }

  @Test
  void differentPatientIdsInOneStudyAreRefused() {
    List<DicomInstanceHeader> files = new ArrayList<>(series("a", "PT", 1, FRAME, "BQML", true, false, List.of(), 1));
    DicomInstanceHeader h = series("b", "CT", 2, FRAME, null, false, false, List.of(), 1).get(0);
    files.add(new DicomInstanceHeader(h.path(), "P-2", h.studyUid(), h.seriesUid(), h.modality(), h.seriesNumber(),
        h.frameOfReferenceUid(), true, null, false, false, List.of()));
    String m = assertThrows(StudyRejectedException.class, () -> DicomStudyRouter.route(files, "c", ".")).getMessage();
    assertEquals("the files of one study carry 2 different PatientIDs", m);
  }

  @Test
  void headerDescriptionHoldsNoId() {
    DicomInstanceHeader h = series("a", "PT", 1, FRAME, "BQML", true, false, List.of(), 1).get(0);
    assertEquals("PT series 1 file 0.dcm", h.toString());
    assertTrue(new DicomSeriesGroup(List.of(h)).toString().startsWith("PT series 1 (1 file, 0.dcm)"));
  }

  private static String uid(String name) {
    return "1.2.826.0." + Math.abs(name.hashCode());
  }

  /** Headers of a series named {@code name} with {@code files} files under /in/name/. */
  private static List<DicomInstanceHeader> series(String name, String modality, int number, String frame,
      String units, boolean attenuationCorrected, boolean localizer, List<String> references, int files) {
    List<DicomInstanceHeader> out = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      out.add(new DicomInstanceHeader("/in/" + name + "/" + f + ".dcm", "P-1", "study-uid", uid(name), modality,
          number, frame, references.isEmpty(), units, attenuationCorrected, localizer, references));
    }
    return out;
  }
}
