package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BodyRuleTest {
  private static final BodyRule CT = new BodyRule(1, ChannelScaling.HU, InputNormalisation.DEFAULT);
  private static final int SIZE = 24;

  /** A chest-like CT slice: air outside a disc of soft tissue holding two lung discs (−850 HU). */
  private static float[] chest(boolean lungReachesBorder) {
    float[] ct = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double r = Math.hypot(x - 11.5, y - 11.5);
        boolean lung = Math.hypot(x - 7, y - 11.5) < 3.5 || Math.hypot(x - 16, y - 11.5) < 3.5;
        ct[y * SIZE + x] = r >= 10 ? -1000f : lung ? -850f : 40f;
      }
    }
    if (lungReachesBorder) {
      for (int x = 0; x <= 7; x++) {
        ct[11 * SIZE + x] = -850f; // a channel from the left lung out of the slice
      }
    }
    return ct;
  }

  @Test
  void lungsInsideTheBodyOutlineAreBody() {
    float[] ct = chest(false);
    float[] mask = new float[SIZE * SIZE];
    CT.slice(ct, 0, SIZE, SIZE, mask, 0);
    assertEquals(1f, mask[11 * SIZE + 7], "left lung centre");
    assertEquals(1f, mask[11 * SIZE + 16], "right lung centre");
    assertEquals(1f, mask[11 * SIZE + 11], "mediastinum");
    assertEquals(0f, mask[0], "air outside");
    assertEquals(0f, mask[11 * SIZE + 23], "air at the edge");
    int body = 0;
    int disc = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        body += mask[y * SIZE + x] > 0 ? 1 : 0;
        disc += Math.hypot(x - 11.5, y - 11.5) < 10 ? 1 : 0;
      }
    }
    assertEquals(disc, body, "the body is the whole outline");
    assertEquals(disc / (double) (SIZE * SIZE), CT.fraction(ct, 0, SIZE, SIZE), 1e-12);
  }

  @Test
  void aRegionOpenToTheSliceBorderIsNotBody() {
    float[] mask = new float[SIZE * SIZE];
    CT.slice(chest(true), 0, SIZE, SIZE, mask, 0);
    assertEquals(0f, mask[11 * SIZE + 7], "the left lung reaches the border: outside");
    assertEquals(1f, mask[11 * SIZE + 16], "the right lung is still enclosed");
  }

  @Test
  void masksEachSliceOfAStackOnItsOwn() {
    float[] two = new float[2 * SIZE * SIZE];
    float[] chest = chest(false);
    System.arraycopy(chest, 0, two, SIZE * SIZE, chest.length);
    java.util.Arrays.fill(two, 0, SIZE * SIZE, -1000f); // an all-air slice first
    float[] mask = CT.mask(two, SIZE, SIZE);
    assertEquals(0f, mask[11 * SIZE + 7]);
    assertEquals(1f, mask[SIZE * SIZE + 11 * SIZE + 7]);
    assertThrows(IllegalArgumentException.class, () -> CT.mask(new float[SIZE * SIZE + 1], SIZE, SIZE));
  }

  @Test
  void studyRelativeForegroundFillsDarkStructuresInside() {
    BodyRule t1 = new BodyRule(0, ChannelScaling.STUDY_RELATIVE, InputNormalisation.DEFAULT);
    float[] head = chest(false);
    for (int i = 0; i < head.length; i++) {
      head[i] = head[i] == 40f ? 0.6f : 0f; // brain 0.6 x scale; ventricles and air 0
    }
    float[] mask = new float[SIZE * SIZE];
    t1.slice(head, 0, SIZE, SIZE, mask, 0);
    assertEquals(1f, mask[11 * SIZE + 7], "a dark ventricle inside the head");
    assertEquals(0f, mask[0]);
  }
}
