package io.petal.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.GaussianBlur;
import io.petal.models.AutoencoderConfig;
import io.petal.models.AutoencoderModel;
import io.petal.models.Reconstruction;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AnomalyMapper.mapBatch against the scoring steps written out one by one (methods.md §1). */
class AnomalyMapperTest {
  private static final int SIZE = 32;
  private static final double THRESHOLD = 2.5;

  @Test
  void mapBatchEqualsTheStepsWrittenOut() {
    AutoencoderConfig config = AutoencoderConfig.defaults().toBuilder().size(SIZE).baseFilters(4).latentChannels(8)
        .maskPatchSize(8).pixelSpacingMm(8).build();
    AutoencoderModel model = AutoencoderModel.create(config);
    ScoringSettings settings = ScoringSettings.DEFAULT;
    int n = 6;
    int window = config.slices() * SIZE * SIZE;
    float[] pet = new float[n * window];
    float[] ct = new float[n * window];
    windows(n, config.slices(), pet, ct);

    float[] anomaly = new float[(n + 1) * SIZE * SIZE];
    float[] scores = new float[n + 1];
    float[] hidden = new float[n + 1];
    new AnomalyMapper(model, settings).mapBatch(new float[][] {pet, ct}, n, THRESHOLD, config.pixelSpacingMm(), anomaly,
        scores, hidden, 1);

    float[] hiddenMask = new float[pet.length];
    for (int v = 0; v < pet.length; v++) {
      hiddenMask[v] = pet[v] > THRESHOLD ? 1 : 0;
    }
    // the PET default grows the hidden voxels by 12 mm: 2 pixels of 8 mm, slice by slice
    for (int j = 0; j < n; j++) {
      MaskDilation.grow(hiddenMask, j * window, config.slices(), SIZE, 2);
    }
    Reconstruction r = model.reconstruct(pet, ct, hiddenMask, n);
    double sigmaPx = settings.smoothingFwhmMm() / GaussianBlur.FWHM_PER_SIGMA / config.pixelSpacingMm();
    int plane = SIZE * SIZE;
    for (int j = 0; j < n; j++) {
      int centre = j * window + config.neighbours() * plane;
      float[] expected = new float[plane];
      int body = 0;
      int hiddenBody = 0;
      for (int p = 0; p < plane; p++) {
        if (ct[centre + p] > -500) {
          body++;
          hiddenBody += hiddenMask[centre + p] > 0 ? 1 : 0;
          expected[p] = Math.max(0f, pet[centre + p] - r.channel("PET")[j * plane + p]);
        }
      }
      GaussianBlur.blur(expected, SIZE, SIZE, 1, sigmaPx, sigmaPx, 0);
      for (int p = 0; p < plane; p++) {
        expected[p] = ct[centre + p] > -500 ? expected[p] : 0f;
      }
      float[] actual = Arrays.copyOfRange(anomaly, (j + 1) * plane, (j + 2) * plane);
      assertArrayEquals(expected, actual, 1e-6f, "window " + j);
      float[] sorted = expected.clone();
      Arrays.sort(sorted);
      double top = 0;
      for (int i = plane - settings.topK(); i < plane; i++) {
        top += sorted[i];
      }
      assertEquals(top / settings.topK(), scores[j + 1], 1e-6, "score of window " + j);
      assertEquals(hiddenBody / (double) body, hidden[j + 1], 1e-6, "hidden fraction of window " + j);
    }
    assertEquals(0f, scores[0], "slots before `first` are left alone");
    assertTrue(hidden[1 + 1] > 0, "the hot disc of window 1 is hidden from the network");
  }

  /** Elliptical body (40 HU, PET SUV 1 with noise) in air; odd windows get a hot disc of SUV 6. */
  private static void windows(int n, int slices, float[] pet, float[] ct) {
    SplittableRandom rng = new SplittableRandom(11);
    for (int j = 0; j < n; j++) {
      for (int c = 0; c < slices; c++) {
        for (int y = 0; y < SIZE; y++) {
          for (int x = 0; x < SIZE; x++) {
            int v = ((j * slices + c) * SIZE + y) * SIZE + x;
            double ex = (x - SIZE / 2.0) / (0.4 * SIZE);
            double ey = (y - SIZE / 2.0) / (0.3 * SIZE);
            boolean body = ex * ex + ey * ey < 1;
            boolean hot = j % 2 == 1 && Math.hypot(x - 0.4 * SIZE, y - 0.5 * SIZE) < 3;
            ct[v] = body ? (float) (40 + 10 * rng.nextGaussian()) : -1000f;
            pet[v] = body ? (float) ((hot ? 6 : 1) + 0.1 * rng.nextGaussian()) : 0.02f;
          }
        }
      }
    }
  }
}
