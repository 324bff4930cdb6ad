package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.ingest.ChannelReader;
import io.petal.ingest.ChannelSource;
import io.petal.ingest.FormatChannelReader;
import io.petal.ingest.StudyFiles;
import io.petal.ingest.StudyRejectedException;
import io.petal.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor PET series made from the real IBSI series with dcmodify, read as a DICOM_SERIES channel:
 * the SUV factor comes from the vendor's rule and the SUVs equal the original ones; series whose
 * headers do not define SUV are rejected with the rule's reason.
 */
class VendorPetSeriesTest {
  /** Expected SUVbw factor of PHILIPS_CNTS_AND_SUV-instances.json (shared/data/README.md). */
  static final double PHILIPS_CNTS_FACTOR = 0.000728;
  /** Expected SUVbw factor of SIEMENS-instances.json (shared/data/README.md). */
  static final double SIEMENS_FACTOR = 0.00042748316187197236;
  static final VendorPetSeries.Identity WHO = new VendorPetSeries.Identity("Quist^Vera", "PID-70531", "19610203");

  @TempDir Path dir;

  @Test
  void philipsCntsSeriesUsesTheSuvScaleFactorAndGivesTheOriginalSuv() throws Exception {
    List<Path> files = VendorPetSeries.write(petFiles(),
        SharedData.data("suv-headers/PHILIPS_CNTS_AND_SUV-instances.json"), "Philips Medical Systems",
        PHILIPS_CNTS_FACTOR, WHO, dir.resolve("philips"));

    ChannelReader.Loaded pet = read(files, ChannelSource.Role.PET_RAW);

    assertEquals(PHILIPS_CNTS_FACTOR, pet.suv().factor(), 1e-15);
    assertTrue(pet.suv().rule().contains("(7053,1000)"), pet.suv().rule());
    assertEquals("dicom", pet.sourceFormat());
    assertSameSuv(IbsiSeries.niftiPet(), pet.volume());
  }

  @Test
  void bqmlWithoutPatientWeightIsRejectedNamingTheAttribute() throws Exception {
    List<Path> files = VendorPetSeries.write(petFiles().subList(0, 3),
        SharedData.data("suv-headers/SIEMENS-instances.json"), "SIEMENS", SIEMENS_FACTOR, WHO,
        dir.resolve("noweight"), "-e", "PatientWeight");
    String m = assertThrows(StudyRejectedException.class, () -> read(files, ChannelSource.Role.PET_RAW)).getMessage();
    assertTrue(m.startsWith("PET (000000.dcm and 2 more files): ") && m.contains("PatientWeight"), m);
  }

  @Test
  void seriesWithoutAttenuationCorrectionIsRejected() throws Exception {
    List<Path> files = VendorPetSeries.write(petFiles().subList(0, 3),
        SharedData.data("suv-headers/SIEMENS-instances.json"), "SIEMENS", SIEMENS_FACTOR, WHO,
        dir.resolve("nac"), "-i", "CorrectedImage=DECY\\NORM");
    String m = assertThrows(StudyRejectedException.class, () -> read(files, ChannelSource.Role.PET_RAW)).getMessage();
    assertTrue(m.contains("CorrectedImage") && m.contains("ATTN"), m);
  }

  @Test
  void ctFolderGivenAsPetIsRejectedByModality() throws Exception {
    List<Path> ct = VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("CT")).subList(0, 2);
    String m = assertThrows(StudyRejectedException.class, () -> read(ct, ChannelSource.Role.PET_SUV)).getMessage();
    assertTrue(m.contains("needs a PT series") && m.contains("Modality 'CT'"), m);
  }

  @Test
  void folderWithTwoSeriesIsRejectedNamingThem() throws Exception {
    List<Path> mixed = new ArrayList<>(petFiles().subList(0, 2));
    mixed.add(VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("CT")).get(0));
    String m = assertThrows(StudyRejectedException.class, () -> read(mixed, ChannelSource.Role.PET_SUV)).getMessage();
    assertTrue(m.contains("the files are 2 series") && m.contains("PT series 1 (2 files") && m.contains("CT series 2"),
        m);
  }

  /** Reads {@code files} as the PET (or CT) channel through {@link FormatChannelReader}. */
  private static ChannelReader.Loaded read(List<Path> files, ChannelSource.Role role) throws Exception {
    List<String> paths = files.stream().map(p -> p.toUri().toString()).toList();
    ChannelSource c = new ChannelSource("PET", "SUV", ChannelSource.Format.DICOM_SERIES, paths, role);
    return new FormatChannelReader().read(c, StudyFiles.read(paths, new Configuration()));
  }

  /** Same grid and, voxel by voxel, the same SUV within 1e-4. */
  static void assertSameSuv(Volume expected, Volume actual) {
    assertEquals(List.of(IbsiSeries.NX, IbsiSeries.NY, IbsiSeries.NZ),
        List.of(actual.grid().nx(), actual.grid().ny(), actual.grid().nz()));
    assertTrue(expected.grid().sameGeometry(actual.grid(), 1e-3), "grids differ: " + expected.grid() + " vs "
        + actual.grid());
    assertArrayEquals(expected.data(), actual.data(), 1e-4f);
  }

  private static List<Path> petFiles() throws IOException {
    return VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("PET"));
  }
}
