package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The autoencoder on layouts other than PET/CT: branches per channel group, hiding, shapes. */
class BranchedAutoencoderTest {
  private static final AutoencoderConfig BRAIN = AutoencoderConfig.builder().size(32).neighbours(1).baseFilters(4)
      .depth(2).latentChannels(8).maskPatchSize(8).channels(TestLayouts.brain()).build();

  /** [batch, slices, 32, 32] per channel: a disc of relative intensity 0.5 + 0.1·c with noise. */
  private static float[][] images(int channels, int batch, int slices, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] out = new float[channels][batch * slices * 32 * 32];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < out[c].length; i++) {
        int x = i % 32;
        int y = (i / 32) % 32;
        boolean head = Math.hypot(x - 15.5, y - 15.5) < 12;
        out[c][i] = head ? (float) (0.5 + 0.1 * c + 0.05 * r.nextGaussian()) : 0.01f;
      }
    }
    return out;
  }

  @Test
  void oneBranchPerChannelGroupNamedAfterItsChannels() {
    AutoencoderModel model = AutoencoderModel.create(BRAIN);
    List<String> layers = model.layerNames();
    assertTrue(layers.containsAll(List.of("t1_t1ce_encoder/down0", "t2_flair_encoder/down0", "fusion/mix",
        "t1_t1ce_decoder/head", "t2_flair_decoder/head")), layers.toString());
    assertArrayEquals(new long[] {3, 3, 6, 4}, model.parameterShape("t1_t1ce_encoder/down0/W"), "2 channels x 3 slices");
    assertArrayEquals(new long[] {3, 3, 7, 4}, model.parameterShape("t2_flair_encoder/down0/W"), "+ the indicator");
    assertArrayEquals(new long[] {4, 2}, model.parameterShape("t2_flair_decoder/head/W"), "reconstructs T2 and FLAIR");
    assertArrayEquals(new long[] {16, 8}, model.parameterShape("fusion/mix/W"), "two branches of 8 filters joined");
  }

  @Test
  void reconstructsEveryChannelAndTrainingReducesTheLoss() {
    AutoencoderModel model = AutoencoderModel.create(BRAIN);
    float[][] x = images(4, 4, 3, 1);
    Reconstruction r = model.reconstruct(x, null, 4);
    assertEquals(List.of("t1", "t1ce", "t2", "flair"), r.names());
    for (int c = 0; c < 4; c++) {
      assertEquals(4 * 32 * 32, r.channel(c).length);
    }
    StepLoss first = model.fitBatch(x, null, 4);
    assertEquals(2, first.branches().size());
    StepLoss last = first;
    for (int i = 0; i < 15; i++) {
      last = model.fitBatch(x, null, 4);
    }
    assertTrue(last.total() < 0.8 * first.total(), "first " + first + ", last " + last);
  }

  /** Voxels hidden from the T2/FLAIR branch cannot reach their own reconstruction, in either channel. */
  @Test
  void hiddenVoxelsOfTheMaskedGroupCannotLeak() {
    AutoencoderModel model = AutoencoderModel.create(BRAIN);
    float[][] x = images(4, 1, 3, 2);
    float[][] hot = new float[4][];
    float[] hidden = new float[x[0].length];
    for (int c = 0; c < 4; c++) {
      hot[c] = x[c].clone();
    }
    for (int i = 0; i < hidden.length; i++) {
      int px = i % 32;
      int py = (i / 32) % 32;
      if (px >= 10 && px < 16 && py >= 10 && py < 16) {
        hot[2][i] = 3f;
        hot[3][i] = 3f;
        hidden[i] = 1f;
      }
    }
    Reconstruction withLesion = model.reconstruct(hot, hidden, 1);
    Reconstruction without = model.reconstruct(x, hidden, 1);
    assertArrayEquals(without.channel("flair"), withLesion.channel("flair"), 0f);
    assertArrayEquals(without.channel("t1"), withLesion.channel("t1"), 0f);
  }

  @Test
  void aSingleChannelPlanarLayoutHasOneBranch() {
    AutoencoderConfig config = AutoencoderConfig.builder().size(32).neighbours(0).baseFilters(4).depth(2)
        .latentChannels(8).maskPatchSize(8).channels(TestLayouts.planarCounts()).build();
    AutoencoderModel model = AutoencoderModel.create(config);
    assertArrayEquals(new long[] {8, 8}, model.parameterShape("fusion/mix/W"), "one branch, nothing joined");
    float[][] x = images(1, 2, 1, 3);
    assertEquals(1, model.fitBatch(x, null, 2).branches().size());
    assertEquals(2 * 32 * 32, model.reconstruct(x, null, 2).channel("counts").length);
  }
}
