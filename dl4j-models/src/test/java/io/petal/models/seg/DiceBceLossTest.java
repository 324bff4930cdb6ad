package io.petal.models.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.TestLayouts;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DiceBceLossTest {
  private static final int S = 4;
  private static final int PLANE = S * S;

  private static SegmentationConfig config(double dice, double bce, double positive) {
    return SegmentationConfig.builder().size(S).depth(1).diceWeight(dice).bceWeight(bce).positiveWeight(positive).build();
  }

  private static INDArray logits(float[] values, int slices) {
    return Nd4j.create(values, new long[] {slices, S, S, 1}, 'c');
  }

  @Test
  void zeroLogitsGiveLog2CrossEntropyAndTheDiceOfHalfProbabilities() {
    float[] labels = new float[PLANE];
    for (int i = 0; i < 4; i++) {
      labels[i] = 1;
    }
    DiceBceLoss loss = new DiceBceLoss(config(1, 1, 1), PLANE);
    DiceBceLoss.Terms t = loss.evaluate(logits(new float[PLANE], 1), labels, 0, 1);
    assertEquals(Math.log(2), t.bce(), 1e-9);
    // Σp = 8, Σy = 4, Σpy = 2: Dice = (4 + 1) / (12 + 1)
    assertEquals(1 - 5.0 / 13, t.dice(), 1e-9);
  }

  @Test
  void confidentCorrectLogitsGiveAlmostNoLossAndStayFiniteWhenSaturated() {
    float[] labels = new float[PLANE];
    float[] z = new float[PLANE];
    for (int i = 0; i < PLANE; i++) {
      labels[i] = i % 3 == 0 ? 1 : 0;
      z[i] = labels[i] > 0 ? 200f : -200f;
    }
    DiceBceLoss loss = new DiceBceLoss(config(1, 1, 3), PLANE);
    DiceBceLoss.Terms right = loss.evaluate(logits(z, 1), labels, 0, 1);
    assertEquals(0, right.bce(), 1e-12);
    assertEquals(0, right.dice(), 1e-12);
    for (int i = 0; i < PLANE; i++) {
      z[i] = -z[i];
    }
    DiceBceLoss.Terms wrong = loss.evaluate(logits(z, 1), labels, 0, 1);
    // every pixel off by |z| = 200 nats; lesion pixels (6 of 16) weighted 3
    assertEquals(200 * (3 * 6 + 10) / 16.0, wrong.bce(), 1e-6);
    assertTrue(Float.isFinite(loss.gradient().sumNumber().floatValue()));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom random = new SplittableRandom(3);
    int slices = 3;
    float[] labels = new float[slices * PLANE];
    float[] z = new float[slices * PLANE];
    for (int i = 0; i < z.length; i++) {
      // slice 1 is lesion-free: only its cross-entropy counts
      labels[i] = i / PLANE != 1 && random.nextDouble() < 0.3 ? 1 : 0;
      z[i] = (float) (2 * random.nextGaussian());
    }
    assertGradientMatchesFiniteDifferences(new DiceBceLoss(config(0.7, 1.3, 2.0), PLANE), z, labels, slices, 1);
  }

  @Test
  void passesOfABatchAddUpToTheWholeBatch() {
    SplittableRandom random = new SplittableRandom(4);
    int slices = 5;
    float[] labels = new float[slices * PLANE];
    float[] z = new float[slices * PLANE];
    for (int i = 0; i < z.length; i++) {
      labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
      z[i] = (float) random.nextGaussian();
    }
    DiceBceLoss loss = new DiceBceLoss(config(1, 1, 1), PLANE);
    DiceBceLoss.Terms whole = loss.evaluate(logits(z, slices), labels, 0, slices);
    float[] wholeGradient = loss.gradient().data().asFloat();
    float[] first = java.util.Arrays.copyOfRange(z, 0, 2 * PLANE);
    float[] rest = java.util.Arrays.copyOfRange(z, 2 * PLANE, slices * PLANE);
    DiceBceLoss.Terms a = loss.evaluate(logits(first, 2), labels, 0, slices);
    float[] gradientA = loss.gradient().data().asFloat();
    DiceBceLoss.Terms b = loss.evaluate(logits(rest, 3), labels, 2, slices);
    float[] gradientB = loss.gradient().data().asFloat();
    assertEquals(whole.dice(), a.dice() + b.dice(), 1e-9);
    assertEquals(whole.bce(), a.bce() + b.bce(), 1e-9);
    for (int i = 0; i < z.length; i++) {
      assertEquals(wholeGradient[i], i < 2 * PLANE ? gradientA[i] : gradientB[i - 2 * PLANE], 1e-7);
    }
  }

  @Test
  void lesionFreeSlicesAreLeftToTheCrossEntropy() {
    SplittableRandom random = new SplittableRandom(5);
    float[] labels = new float[2 * PLANE];
    float[] z = new float[2 * PLANE];
    for (int i = 0; i < z.length; i++) {
      labels[i] = i < PLANE && i % 4 == 0 ? 1 : 0;
      z[i] = (float) random.nextGaussian();
    }
    DiceBceLoss loss = new DiceBceLoss(config(1, 1, 1), PLANE);
    DiceBceLoss.Terms both = loss.evaluate(logits(z, 2), labels, 0, 2);
    float[] gradient = loss.gradient().data().asFloat();
    DiceBceLoss.Terms lesionSliceAlone = loss.evaluate(logits(java.util.Arrays.copyOf(z, PLANE), 1),
        java.util.Arrays.copyOf(labels, PLANE), 0, 1);
    assertEquals(lesionSliceAlone.dice(), both.dice(), 1e-12, "Dice averaged over the one slice with a lesion");

    DiceBceLoss bceOnly = new DiceBceLoss(config(0, 1, 1), PLANE);
    bceOnly.evaluate(logits(z, 2), labels, 0, 2);
    float[] bceGradient = bceOnly.gradient().data().asFloat();
    for (int i = PLANE; i < 2 * PLANE; i++) {
      assertEquals(bceGradient[i], gradient[i], 1e-9, "lesion-free slice, pixel " + (i - PLANE));
    }

    DiceBceLoss.Terms noLesion = loss.evaluate(logits(java.util.Arrays.copyOfRange(z, PLANE, 2 * PLANE), 1),
        java.util.Arrays.copyOfRange(labels, PLANE, 2 * PLANE), 0, 1);
    assertEquals(0, noLesion.dice(), 0, "a batch without lesion pixels has no Dice term");
    assertTrue(noLesion.bce() > 0);
  }

  /** Three nested regions (BraTS WT ⊃ TC ⊃ ET), labels [slices, K, S, S], logits NHWC [slices, S, S, K]. */
  private static SegmentationConfig regions(double dice, double bce, double positive) {
    return config(dice, bce, positive).toBuilder().channels(TestLayouts.brain()).build();
  }

  @Test
  void multiRegionGradientMatchesFiniteDifferences() {
    SplittableRandom random = new SplittableRandom(6);
    int slices = 2;
    int k = 3;
    float[] labels = new float[slices * k * PLANE];
    float[] z = new float[slices * PLANE * k];
    for (int s = 0; s < slices; s++) {
      for (int r = 0; r < k; r++) {
        for (int i = 0; i < PLANE; i++) {
          // slice 1 has no ET: that pair is left to the cross-entropy
          boolean present = !(s == 1 && r == 2) && random.nextDouble() < 0.4;
          labels[(s * k + r) * PLANE + i] = present ? 1 : 0;
        }
      }
    }
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (2 * random.nextGaussian());
    }
    assertGradientMatchesFiniteDifferences(new DiceBceLoss(regions(0.7, 1.3, 2.0), PLANE), z, labels, slices, k);
  }

  /** Central differences (step 0.01) of 0.7 · dice + 1.3 · bce against the analytic gradient, logit by logit. */
  private static void assertGradientMatchesFiniteDifferences(DiceBceLoss loss, float[] z, float[] labels, int slices,
      int regions) {
    loss.evaluate(Nd4j.create(z, new long[] {slices, S, S, regions}, 'c'), labels, 0, slices);
    float[] analytic = loss.gradient().data().asFloat();
    for (int i = 0; i < z.length; i++) {
      double eps = 1e-2;
      float[] plus = z.clone();
      float[] minus = z.clone();
      plus[i] += (float) eps;
      minus[i] -= (float) eps;
      double numeric = (total(loss, plus, labels, slices, regions) - total(loss, minus, labels, slices, regions))
          / (2 * eps);
      assertEquals(numeric, analytic[i], 1e-3 * Math.max(1, Math.abs(numeric)) + 1e-5, "d/dz[" + i + "]");
    }
  }

  /** Dice averages the present (slice, region) pairs; cross-entropy averages the regions' pixels. */
  @Test
  void multiRegionTermsCombineTheSingleRegionTerms() {
    SplittableRandom random = new SplittableRandom(7);
    int k = 3;
    float[][] perRegionLabels = new float[k][PLANE];
    float[][] perRegionLogits = new float[k][PLANE];
    float[] labels = new float[k * PLANE];
    float[] z = new float[PLANE * k];
    for (int r = 0; r < k; r++) {
      for (int i = 0; i < PLANE; i++) {
        float y = r < 2 && random.nextDouble() < 0.5 ? 1 : 0; // ET absent
        float logit = (float) random.nextGaussian();
        perRegionLabels[r][i] = y;
        perRegionLogits[r][i] = logit;
        labels[r * PLANE + i] = y;
        z[i * k + r] = logit;
      }
    }
    DiceBceLoss.Terms all = new DiceBceLoss(regions(1, 1, 2), PLANE)
        .evaluate(Nd4j.create(z, new long[] {1, S, S, k}, 'c'), labels, 0, 1);
    DiceBceLoss single = new DiceBceLoss(config(1, 1, 2), PLANE);
    double diceSum = 0;
    double bceSum = 0;
    for (int r = 0; r < k; r++) {
      DiceBceLoss.Terms t = single.evaluate(logits(perRegionLogits[r], 1), perRegionLabels[r], 0, 1);
      diceSum += t.dice();
      bceSum += t.bce();
    }
    assertEquals(diceSum / 2, all.dice(), 1e-9, "mean over the two present regions (ET absent adds no Dice term)");
    assertEquals(bceSum / 3, all.bce(), 1e-9, "mean over the three regions' pixels");
  }

  private static double total(DiceBceLoss loss, float[] z, float[] labels, int slices, int k) {
    DiceBceLoss.Terms t = loss.evaluate(Nd4j.create(z, new long[] {slices, S, S, k}, 'c'), labels, 0, slices);
    return 0.7 * t.dice() + 1.3 * t.bce();
  }
}
