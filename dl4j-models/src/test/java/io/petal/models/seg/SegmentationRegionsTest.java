package io.petal.models.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.TestLayouts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The U-Net with four input channels and three nested output regions (BraTS WT, TC, ET). */
class SegmentationRegionsTest {
  private static final int S = 32;
  private static final SegmentationConfig BRAIN = SegmentationConfig.builder().size(S).neighbours(0).baseFilters(4)
      .depth(2).priorScale(0.25).learningRate(1e-2).channels(TestLayouts.brain()).build();

  /**
   * A disc per sample: WT radius 8, TC radius 5, ET radius 2, with FLAIR bright over WT and T1ce
   * bright over ET; labels [batch, 3, S, S].
   */
  private static float[][] images(int batch, float[] labels) {
    float[][] x = new float[4][batch * S * S];
    for (int n = 0; n < batch; n++) {
      double cx = 10 + 3 * n;
      double cy = 14 + 2 * n;
      for (int p = 0; p < S * S; p++) {
        double d = Math.hypot(p % S - cx, p / S - cy);
        int i = n * S * S + p;
        x[0][i] = 0.5f;
        x[1][i] = d < 2 ? 1.2f : 0.5f;
        x[2][i] = d < 8 ? 0.9f : 0.5f;
        x[3][i] = d < 8 ? 1.0f : 0.4f;
        labels[(n * 3) * S * S + p] = d < 8 ? 1 : 0;
        labels[(n * 3 + 1) * S * S + p] = d < 5 ? 1 : 0;
        labels[(n * 3 + 2) * S * S + p] = d < 2 ? 1 : 0;
      }
    }
    return x;
  }

  @Test
  void predictsOneProbabilityPlanePerRegionAndLearnsThem() {
    SegmentationModel model = SegmentationModel.create(BRAIN);
    assertEquals(4 + 1, model.parameterShape("enc0/conv1/W")[2], "4 contrasts + prior");
    assertArrayEquals(new long[] {4, 3}, model.parameterShape("head/W"), "one logit per region");
    int batch = 4;
    float[] labels = new float[batch * 3 * S * S];
    float[][] x = images(batch, labels);
    float[] prior = new float[batch * S * S];
    float[] p = model.predict(x, prior, batch);
    assertEquals(batch * 3 * S * S, p.length);
    double first = model.fitBatch(x, prior, labels, batch).total();
    double last = first;
    for (int i = 0; i < 40; i++) {
      last = model.fitBatch(x, prior, labels, batch).total();
    }
    assertTrue(last < 0.6 * first, "first " + first + ", last " + last);
  }

  @Test
  void saveLoadKeepsTheLayoutAndOldZipsAreRefused() throws IOException {
    SegmentationModel model = SegmentationModel.create(BRAIN);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    SegmentationModel loaded = SegmentationModel.load(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(BRAIN, loaded.config());
    Properties old = BRAIN.toProperties();
    old.setProperty("version", "1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SegmentationConfig.fromProperties(old));
    assertTrue(e.getMessage().contains("retrain"), e.getMessage());
  }

  @Test
  void labelsNeedOnePlanePerRegion() {
    SegmentationModel model = SegmentationModel.create(BRAIN);
    float[][] x = images(1, new float[3 * S * S]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model.fitBatch(x, new float[S * S], new float[S * S], 1));
    assertTrue(e.getMessage().contains("3 regions"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.predict(new float[S * S], new float[S * S], null, 1),
        "two arrays for a four-channel layout");
  }
}
