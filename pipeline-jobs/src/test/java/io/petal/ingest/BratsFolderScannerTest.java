package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders are BraTS cases (2021 and 2023 file names, .nii or .nii.gz) and which are refused. */
class BratsFolderScannerTest {
  @TempDir Path root;

  private void files(String caseId, String... names) throws IOException {
    Files.createDirectories(root.resolve(caseId));
    for (String n : names) {
      Files.createFile(root.resolve(caseId).resolve(n));
    }
  }

  @Test
  void findsBothNamingsAndRefusesACaseMissingAContrast() throws IOException {
    files("BraTS2021_00001", "BraTS2021_00001_t1.nii.gz", "BraTS2021_00001_t1ce.nii.gz",
        "BraTS2021_00001_t2.nii.gz", "BraTS2021_00001_flair.nii.gz", "BraTS2021_00001_seg.nii.gz");
    files("BraTS-GLI-00002-000", "BraTS-GLI-00002-000-t1n.nii", "BraTS-GLI-00002-000-t1c.nii",
        "BraTS-GLI-00002-000-t2w.nii", "BraTS-GLI-00002-000-t2f.nii");
    files("BraTS2021_00003", "BraTS2021_00003_t1.nii.gz", "BraTS2021_00003_t2.nii.gz");
    files("notes", "readme.txt");

    DiscoveredStudies found = BratsFolderScanner.scan(root.toString(), "c", new Configuration());

    assertEquals(2, found.studies().size());
    StudySource gli = found.studies().get(0);
    assertEquals("BraTS-GLI-00002-000", gli.patientId());
    assertEquals("brain-mri", gli.kind());
    assertEquals(List.of("t1", "t1ce", "t2", "flair"), gli.channels().stream().map(ChannelSource::name).toList());
    assertTrue(gli.channels().get(3).paths().get(0).endsWith("BraTS-GLI-00002-000-t2f.nii"));
    assertTrue(gli.labels().isEmpty(), "a case without seg is unlabelled");
    StudySource y2021 = found.studies().get(1);
    assertTrue(y2021.channels().get(1).paths().get(0).endsWith("BraTS2021_00001_t1ce.nii.gz"));
    assertEquals(List.of("seg"), y2021.labels().stream().map(LabelSource::name).toList());
    assertEquals(1, found.refused().size());
    assertEquals("BraTS case BraTS2021_00003 lacks BraTS2021_00003_t1ce.nii.gz, BraTS2021_00003_flair.nii.gz "
        + "(a brain MRI study needs T1, T1ce, T2 and FLAIR)", found.refused().get(0).reason());
  }
}
