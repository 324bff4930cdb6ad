package io.petal.synth.bone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.geometry.PlanarViewGrid;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NM file of a synthetic bone scan: Petal's reader finds two frames of counts with their views
 * on the detectors, the posterior frame as acquired (mirrored back from the study grid); dcmtk's
 * dcmdump reads it without complaint.
 */
class WholeBodyNmFileTest {
  @TempDir Path dir;
  private static final BoneScanConfig CFG = BoneScanConfig.small();
  private static final BoneScanStudy STUDY = BoneScanCohort.patient(4, 0, true, CFG);

  @Test
  void petalReadsTheFramesAndTheirViews() throws Exception {
    DicomFile f = DicomReader.read(WholeBodyNmFile.encode(STUDY, CFG, "SYN0001", "test/0"), "NM.dcm");
    DicomObject ds = f.dataset();
    assertEquals("NM", ds.getString(DicomTags.MODALITY));
    assertEquals(WholeBodyNmFile.NM_IMAGE_STORAGE, ds.getString(DicomTags.SOP_CLASS_UID));
    assertEquals(List.of("ORIGINAL", "PRIMARY", "WHOLE BODY", "EMISSION"), List.of(ds.getStrings(DicomTags.IMAGE_TYPE)));
    assertArrayEquals(new int[] {1, 2}, ds.getInts(DicomTags.DETECTOR_VECTOR));
    List<DicomObject> detectors = ds.getSequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE);
    assertEquals("anterior projection", detectors.get(0).getSequence(DicomTags.VIEW_CODE_SEQUENCE).get(0)
        .getString(DicomTags.CODE_MEANING));
    assertEquals("posterior projection", detectors.get(1).getSequence(DicomTags.VIEW_CODE_SEQUENCE).get(0)
        .getString(DicomTags.CODE_MEANING));
    assertArrayEquals(new double[] {CFG.pixelSpacingMm(), CFG.pixelSpacingMm()}, ds.getDoubles(DicomTags.PIXEL_SPACING));
    assertEquals(2, f.pixels().frames());
    assertArrayEquals(STUDY.view(BoneScanView.ANTERIOR), f.pixels().frame(0));
    assertArrayEquals(PlanarViewGrid.mirrorColumns(STUDY.view(BoneScanView.POSTERIOR), CFG.columns()),
        f.pixels().frame(1));
  }

  @Test
  void dcmdumpReadsTheFile() throws Exception {
    SharedData.requireTool("dcmdump");
    Path file = dir.resolve("NM.dcm");
    Files.write(file, WholeBodyNmFile.encode(STUDY, CFG, "SYN0001", "test/0"));
    Process p = new ProcessBuilder("dcmdump", "-E", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("=NuclearMedicineImageStorage"), out);
    assertTrue(out.contains("[anterior projection]") && out.contains("[posterior projection]"), out);
    assertTrue(out.contains("(0028,0008) IS [2]"), "NumberOfFrames 2\n" + out);
    assertTrue(!out.contains("E: ") && !out.contains("W: "), "no error or warning\n" + out);
  }

  @Test
  void theSameNameGivesTheSameBytes() {
    assertArrayEquals(WholeBodyNmFile.encode(STUDY, CFG, "SYN0001", "test/0"),
        WholeBodyNmFile.encode(STUDY, CFG, "SYN0001", "test/0"));
  }
}
