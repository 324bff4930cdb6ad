package io.petal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloatBinningTest {

  @ParameterizedTest(name = "m = {0}")
  @ValueSource(ints = {0, 4, 10, 23})
  void binsPreserveOrderAndEdgesBoundTheirScores(int m) {
    FloatBinning binning = new FloatBinning(m);
    SplittableRandom rng = new SplittableRandom(11);
    for (int t = 0; t < 200_000; t++) {
      float a = anyFloat(rng);
      float b = anyFloat(rng);
      if (a < b) {
        assertTrue(binning.bin(a) <= binning.bin(b), () -> a + " < " + b);
      }
      int bin = binning.bin(a);
      float edge = binning.lowerEdge(bin);
      assertTrue(edge <= a, () -> "edge " + edge + " above " + a);
      assertEquals(bin, binning.bin(edge), () -> "edge of bin " + bin + " is in another bin");
    }
  }

  @Test
  void normalBinsAreNarrowerThanTwoToMinusMOfTheirEdge() {
    FloatBinning binning = new FloatBinning(10);
    SplittableRandom rng = new SplittableRandom(5);
    for (int t = 0; t < 100_000; t++) {
      float x = (float) Math.exp(rng.nextDouble(-80, 80));
      float edge = binning.lowerEdge(binning.bin(x));
      assertTrue(x - edge < binning.maxRelativeWidth() * edge, () -> x + " vs edge " + edge);
      float negEdge = binning.lowerEdge(binning.bin(-x));
      assertTrue(-x - negEdge < binning.maxRelativeWidth() * x, () -> -x + " vs edge " + negEdge);
    }
  }

  @Test
  void signedZerosShareABinAndInfinitiesHaveTheirOwn() {
    FloatBinning binning = new FloatBinning(10);
    assertEquals(binning.bin(0f), binning.bin(-0f));
    assertEquals(Float.NEGATIVE_INFINITY, binning.lowerEdge(binning.bin(Float.NEGATIVE_INFINITY)));
    assertEquals(Float.POSITIVE_INFINITY, binning.lowerEdge(binning.bin(Float.POSITIVE_INFINITY)));
    assertTrue(binning.bin(Float.MAX_VALUE) < binning.bin(Float.POSITIVE_INFINITY));
    assertTrue(binning.bin(-Float.MAX_VALUE) > binning.bin(Float.NEGATIVE_INFINITY));
  }

  @Test
  void nanAndBadResolutionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new FloatBinning(10).bin(Float.NaN));
    assertThrows(IllegalArgumentException.class, () -> new FloatBinning(24));
    assertThrows(IllegalArgumentException.class, () -> new FloatBinning(-1));
  }

  /** Any non-NaN float: random bits, so every sign, exponent, subnormal and infinity occurs. */
  private static float anyFloat(SplittableRandom rng) {
    float f;
    do {
      f = Float.intBitsToFloat(rng.nextInt());
    } while (Float.isNaN(f));
    return f;
  }
}
