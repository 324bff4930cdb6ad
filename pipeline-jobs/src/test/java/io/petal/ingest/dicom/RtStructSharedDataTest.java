package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.io.nifti.NiftiReader;
import io.petal.testing.SharedData;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expert tumour contours of the IBSI soft-tissue-sarcoma studies (RTSTRUCT, GTV_Mass) drawn
 * onto the PET and CT grids agree with the voxel masks published beside them (NIfTI).
 */
class RtStructSharedDataTest {
  /**
   * The issue asks for 0.95. The published masks follow the same voxel-centre rule and agree to
   * the voxel (Dice 1.0 when this test was written), so a stricter bar guards against sub-voxel
   * regressions.
   */
  private static final double MIN_DICE = 0.99;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"STS_001, PET", "STS_002, PET", "STS_001, CT", "STS_002, CT"})
  void rasterisedContoursMatchThePublishedMask(String patient, String modality) throws Exception {
    DicomFile rtstruct = DicomReader.read(SharedData.data(
        "ibsi-sts/dicom/" + patient + "/" + modality + "/mask/RS.dcm"));
    Path nifti = SharedData.data("ibsi-sts/nifti/" + patient);
    ImageGrid grid = NiftiReader.read(nifti.resolve(modality + "_image.nii.gz")).grid();
    Volume expected = NiftiReader.read(nifti.resolve(modality + "_mask.nii.gz")).volume();
    Path image = SharedData.data("ibsi-sts/dicom/" + patient + "/" + modality + "/image");
    String frameOfReference = DicomReader.readHeader(image.resolve("000000.dcm")).dataset()
        .requireString(DicomTags.FRAME_OF_REFERENCE_UID);

    Volume mask = RtStructRasterizer.rasterize(rtstruct, grid, RoiSelection.all(),
        frameOfReference);

    double dice = MaskOverlap.dice(mask, expected);
    System.out.printf(Locale.ROOT,
        "%s %s RTSTRUCT vs NIfTI mask: Dice %.5f (%d vs %d voxels, %d differ)%n", patient,
        modality, dice, MaskOverlap.count(mask), MaskOverlap.count(expected),
        MaskOverlap.differing(mask, expected));
    assertTrue(dice >= MIN_DICE, () -> patient + " " + modality + " Dice " + dice);
    for (float v : mask.data()) {
      assertTrue(v == 0f || v == 1f, "union mask holds " + v);
    }
    assertEquals(grid, mask.grid());
  }
}
