package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.ingest.ChannelSource;
import io.petal.ingest.DiscoveredStudies;
import io.petal.ingest.LabelSource;
import io.petal.ingest.StudySource;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.testing.CapturedLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery of DICOM studies in a folder: the real IBSI study, non-DICOM files, refusals. */
class DicomFolderScannerTest {
  @TempDir Path dir;

  @Test
  void ibsiFolderIsOneStudyWithPetCtAndItsStructureSet() throws Exception {
    Path root = IbsiSeries.dicomStudy();
    DicomObject pet = DicomReader.readHeader(VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("PET")).get(0))
        .dataset();
    DiscoveredStudies found;
    List<String> log;
    try (CapturedLogs logs = new CapturedLogs(Level.INFO)) {
      found = DicomFolderScanner.scan(root.toString(), "ibsi", new Configuration());
      log = logs.lines();
    }

    assertEquals(1, found.studies().size());
    assertTrue(found.refused().isEmpty());
    StudySource s = found.studies().get(0);
    assertEquals(pet.getString(DicomTags.PATIENT_ID), s.patientId());
    assertEquals(pet.getString(DicomTags.STUDY_INSTANCE_UID), s.studyId());
    assertEquals(".", s.sourceRef());
    assertEquals("ibsi", s.cohort());

    assertEquals(List.of("PET", "CT"), s.channels().stream().map(ChannelSource::name).toList());
    ChannelSource petChannel = s.channels().get(0);
    assertEquals(ChannelSource.Role.PET_SUV, petChannel.role()); // Units GML
    assertEquals(ChannelSource.Format.DICOM_SERIES, petChannel.format());
    assertEquals(IbsiSeries.NZ, petChannel.paths().size());
    assertTrue(petChannel.paths().stream().allMatch(p -> p.contains("/PET/image/")));
    ChannelSource ct = s.channels().get(1);
    assertEquals(ChannelSource.Role.CT, ct.role());
    assertEquals(59, ct.paths().size());
    assertTrue(ct.paths().stream().allMatch(p -> p.contains("/CT/image/")));

    // three structure sets (on PET, CT and MR): the one drawn on the PET series is the label
    assertEquals(1, s.labels().size());
    LabelSource seg = s.labels().get(0);
    assertEquals("seg", seg.name());
    assertEquals(ChannelSource.Format.DICOM_RTSTRUCT, seg.format());
    assertEquals(1, seg.paths().size());
    assertTrue(seg.paths().get(0).endsWith("/PET/mask/RS.dcm"), seg.paths().get(0));

    assertTrue(log.stream().anyMatch(l -> l.contains("ignored MR series")), String.join("\n", log));
    assertTrue(log.stream().anyMatch(l -> l.contains("3 candidate series for label seg")), String.join("\n", log));
    for (String l : log) {
      for (int tag : new int[] {DicomTags.PATIENT_ID, DicomTags.PATIENT_NAME, DicomTags.STUDY_INSTANCE_UID,
          DicomTags.SERIES_INSTANCE_UID}) {
        assertFalse(l.contains(pet.getString(tag)), "identifying value in log line: " + l);
      }
    }
  }

  @Test
  void nonDicomFilesAreSkippedAndCounted() throws Exception {
    Path study = dir.resolve("site/visit1");
    Files.createDirectories(study);
    List<Path> pet = VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("PET")).subList(0, 2);
    for (Path p : pet) {
      Files.copy(p, study.resolve(p.getFileName()));
    }
    Files.writeString(study.resolve("notes.txt"), "scanned on the new PET/CT\n");
    Files.write(dir.resolve("site/thumbs.db"), new byte[300]);
    DiscoveredStudies found;
    List<String> log;
    try (CapturedLogs logs = new CapturedLogs(Level.INFO)) {
      found = DicomFolderScanner.scan(dir.toString(), "c", new Configuration());
      log = logs.lines();
    }
    assertEquals(1, found.studies().size());
    assertEquals("site/visit1", found.studies().get(0).sourceRef());
    assertEquals(1, found.studies().get(0).channels().size()); // PET only
    assertTrue(log.stream().anyMatch(l -> l.contains("4 files: 1 DICOM studies; skipped 2 non-DICOM files")),
        String.join("\n", log));
  }

  @Test
  void twoStudiesInOneFolderGetDistinctReferences() throws Exception {
    Path mixed = dir.resolve("mixed");
    List<Path> pet = VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("PET")).subList(0, 4);
    VendorPetSeries.copyWithIdentity(pet.subList(0, 2), VendorPetSeriesTest.WHO, mixed);
    List<Path> other = VendorPetSeries.copyWithIdentity(pet.subList(2, 4),
        new VendorPetSeries.Identity("Other^Patient", "PID-2", "19700101"), mixed);
    VendorPetSeries.dcmodify(List.of("-nb", "-i", "StudyInstanceUID=1.2.826.0.1.3680043.99.1"), other);

    DiscoveredStudies found = DicomFolderScanner.scan(dir.toString(), "c", new Configuration());

    assertEquals(List.of("mixed", "mixed (study 2)"), found.studies().stream().map(StudySource::sourceRef).toList());
    assertEquals(List.of(VendorPetSeriesTest.WHO.id(), "PID-2"),
        found.studies().stream().map(StudySource::patientId).toList());
  }

  @Test
  void studyWithoutPetIsRefusedAndEmptyFolderHasNoStudy() throws Exception {
    Path ctOnly = dir.resolve("ct");
    Files.createDirectories(ctOnly);
    for (Path p : VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("CT")).subList(0, 2)) {
      Files.copy(p, ctOnly.resolve(p.getFileName()));
    }
    DiscoveredStudies found = DicomFolderScanner.scan(dir.toString(), "c", new Configuration());
    assertTrue(found.studies().isEmpty());
    assertEquals(1, found.refused().size());
    assertEquals("ct", found.refused().get(0).sourceRef());
    assertTrue(found.refused().get(0).reason().startsWith("no PET (PT) image series among CT series 2 (2 files"),
        found.refused().get(0).reason());

    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    DiscoveredStudies none = DicomFolderScanner.scan(empty.toString(), "c", new Configuration());
    assertTrue(none.studies().isEmpty() && none.refused().isEmpty());
  }
}
