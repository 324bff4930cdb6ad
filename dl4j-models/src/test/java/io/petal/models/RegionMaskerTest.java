package io.petal.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegionMaskerTest {
  private static float[] disc(int size, double radius) {
    float[] body = new float[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        body[y * size + x] = Math.hypot(x - size / 2.0, y - size / 2.0) < radius ? 1f : 0f;
      }
    }
    return body;
  }

  @Test
  void hidesAtLeastTheRequestedShareOfTheBodyInRectanglesNearIt() {
    int size = 64;
    float[] body = disc(size, 20);
    int bodyCount = 0;
    for (float b : body) {
      bodyCount += (int) b;
    }
    RegionMasker masker = new RegionMasker(size, 0.3, 12);
    float[] hidden = new float[2 * size * size];
    int count = masker.draw(body, 0, new SplittableRandom(1), hidden, size * size);
    int hiddenBody = 0;
    int hiddenTotal = 0;
    for (int i = 0; i < size * size; i++) {
      assertEquals(0f, hidden[i], "values before the offset are untouched");
      float h = hidden[size * size + i];
      assertTrue(h == 0f || h == 1f);
      hiddenTotal += (int) h;
      hiddenBody += (int) (h * body[i]);
      if (h > 0) {
        int x = i % size;
        int y = i / size;
        assertTrue(Math.hypot(x - 32, y - 32) < 20 + 12 * Math.sqrt(2), "rectangles are centred on the body");
      }
    }
    assertEquals(hiddenBody, count);
    assertTrue(hiddenBody >= 0.3 * bodyCount, "hidden " + hiddenBody + " of " + bodyCount);
    assertTrue(hiddenBody < 0.3 * bodyCount + 2 * 12 * 12, "stops soon after reaching the share");
    assertTrue(hiddenTotal >= hiddenBody);
  }

  @Test
  void sameRandomStreamSameMask() {
    float[] body = disc(32, 10);
    RegionMasker masker = new RegionMasker(32, 0.25, 8);
    float[] a = new float[32 * 32];
    float[] b = new float[32 * 32];
    masker.draw(body, 0, new SplittableRandom(5), a, 0);
    masker.draw(body, 0, new SplittableRandom(5), b, 0);
    assertArrayEquals(a, b);
  }

  @Test
  void sliceWithoutBodyIsTreatedAsAllBodyAndZeroFractionHidesNothing() {
    RegionMasker masker = new RegionMasker(16, 0.5, 4);
    float[] hidden = new float[256];
    int count = masker.draw(new float[256], 0, new SplittableRandom(2), hidden, 0);
    assertTrue(count >= 128, "half the slice hidden, got " + count);
    RegionMasker none = new RegionMasker(16, 0.0, 4);
    assertEquals(0, none.draw(disc(16, 6), 0, new SplittableRandom(2), hidden, 0));
    for (float h : hidden) {
      assertEquals(0f, h);
    }
  }
}
