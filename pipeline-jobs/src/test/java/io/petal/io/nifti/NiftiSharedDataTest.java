package io.petal.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.ImageGrid;
import io.petal.testing.SharedData;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real IBSI soft-tissue-sarcoma files of patient STS_001 (FDG PET in SUV, its tumour mask,
 * CT in HU), with the facts recorded in the shared data README.
 */
class NiftiSharedDataTest {
  private static NiftiImage pet;
  private static NiftiImage mask;

  @BeforeAll
  static void readPetAndMask() throws IOException {
    pet = NiftiReader.read(SharedData.data("ibsi-sts/nifti/STS_001/PET_image.nii.gz"));
    mask = NiftiReader.read(SharedData.data("ibsi-sts/nifti/STS_001/PET_mask.nii.gz"));
  }

  @Test
  void petGridIs41x43x59VoxelsOf4p6875x4p6875x3p27Mm() {
    ImageGrid g = pet.grid();
    assertEquals(41, g.nx());
    assertEquals(43, g.ny());
    assertEquals(59, g.nz());
    assertEquals(4.6875, g.spacing(0), 1e-3);
    assertEquals(4.6875, g.spacing(1), 1e-3);
    assertEquals(3.27, g.spacing(2), 1e-3);
    // axial slices stacked towards the head, rows along patient left, columns towards posterior
    assertTrue(g.affine().get(0, 0) > 4.68 && g.affine().get(1, 1) > 4.68
        && g.affine().get(2, 2) > 3.26, g.affine()::toString);
  }

  @Test
  void maskSharesThePetGrid() {
    assertTrue(mask.grid().sameGeometry(pet.grid(), 1e-6), mask.grid().affine()::toString);
  }

  @Test
  void maskHas5095VoxelsWithSuvMax7p9AndMean2p6() {
    float[] m = mask.data();
    float[] suv = pet.data();
    int count = 0;
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < m.length; v++) {
      assertTrue(m[v] == 0 || m[v] == 1, "mask voxel " + v + " is " + m[v]);
      if (m[v] > 0.5) {
        count++;
        sum += suv[v];
        max = Math.max(max, suv[v]);
      }
    }
    assertEquals(5095, count);
    assertEquals(7.9, max, 0.05);
    assertEquals(2.6, sum / count, 0.05);
  }

  @Test
  void ctIsInHounsfieldUnitsOverTheSameFieldOfViewAsThePet() throws IOException {
    NiftiImage ct = NiftiReader.read(SharedData.data("ibsi-sts/nifti/STS_001/CT_image.nii.gz"));
    ImageGrid g = ct.grid();
    assertEquals(198, g.nx());
    assertEquals(202, g.ny());
    assertEquals(59, g.nz());
    assertEquals(0.9766, g.spacing(0), 1e-3);
    assertEquals(0.9766, g.spacing(1), 1e-3);
    assertEquals(3.27, g.spacing(2), 1e-3);

    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    double sum = 0;
    for (float hu : ct.data()) {
      min = Math.min(min, hu);
      max = Math.max(max, hu);
      sum += hu;
    }
    assertTrue(min >= -1100 && min < -900, "air should be near -1000 HU, min " + min);
    assertTrue(max > 300 && max < 4000, "bone should be present and below 4000 HU, max " + max);
    double mean = sum / ct.data().length;
    assertTrue(mean > -1000 && mean < 200, "mean " + mean);

    // both crops are centred on the tumour: their centres agree within one PET voxel
    double[] ctCentre = g.affine().apply((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0,
        (g.nz() - 1) / 2.0);
    ImageGrid p = pet.grid();
    double[] petCentre = p.affine().apply((p.nx() - 1) / 2.0, (p.ny() - 1) / 2.0,
        (p.nz() - 1) / 2.0);
    for (int a = 0; a < 3; a++) {
      assertEquals(petCentre[a], ctCentre[a], p.spacing(a), "axis " + a);
    }
  }
}
