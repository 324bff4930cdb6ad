package io.petal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiverReferenceTest {
  private static final int N = 40;
  private static final int NZ = 12;

  /**
   * A body of fat (−100 HU, SUV 0.5) with, on the patient's right (low LPS x), a soft-tissue
   * "liver" (55 HU, SUV 2.0) in slices 4..8 holding a hot lesion (SUV 12), and a small muscle
   * (50 HU, SUV 0.8) on the left in every slice.
   */
  private static StudyImages phantom(boolean withLiver) {
    ImageGrid g = new ImageGrid(N, N, NZ, Affine.axisAligned(4, 4, 5, -80, -80, 0));
    float[] pet = new float[g.voxelCount()];
    float[] ct = new float[g.voxelCount()];
    for (int k = 0; k < NZ; k++) {
      for (int j = 0; j < N; j++) {
        for (int i = 0; i < N; i++) {
          int v = g.index(i, j, k);
          boolean body = Math.hypot(i - 19.5, j - 19.5) < 18;
          ct[v] = body ? -100 : -1000;
          pet[v] = body ? 0.5f : 0;
          if (body && withLiver && k >= 4 && k <= 8 && i < 17 && j > 8 && j < 30) {
            ct[v] = 55;
            pet[v] = (i == 8 && j == 18) ? 12f : 2.0f;
          }
          if (body && i > 28 && i < 32 && j > 17 && j < 21) {
            ct[v] = 50;
            pet[v] = 0.8f;
          }
        }
      }
    }
    StudyInfo info = new StudyInfo("c", "p", "study-1", "pet-ct", List.of("PET", "CT"), List.of("SUV", "HU"), g, true,
        null, List.of());
    return StudyImages.of(info, new float[][] {pet, ct}, new byte[0][]);
  }

  @Test
  void liverSuvMeanIsTheRightSidedSoftTissueOrgan() {
    assertEquals(2.0, LiverReference.meanSuv(phantom(true)), 1e-6);
    assertEquals(5.0, SuvThreshold.liverRelative(2.5).forStudy(phantom(true)), 1e-6);
  }

  @Test
  void noSoftTissueOnTheRightIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiverReference.meanSuv(phantom(false)));
    assertTrue(e.getMessage().contains("study-1") && e.getMessage().contains("--suv-threshold"), e.getMessage());
  }
}
