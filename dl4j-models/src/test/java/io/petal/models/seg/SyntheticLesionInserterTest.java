package io.petal.models.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.InputNormalisation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticLesionInserterTest {
  /** 3 slices of 64×64, anisotropic pixels 1.5 × 1.0 mm, 3 mm slices. */
  private static final SliceStackGeometry GEOMETRY = new SliceStackGeometry(3, 64, 1.5, 1.0, 3.0);
  private static final double BACKGROUND_SUV = 1.5;
  private static final double TISSUE_HU = 40;

  /** A normal stack: a round body (radius {@code bodyRadius} px) of uniform SUV and HU with mild noise, air around. */
  private static final class Stack {
    final float[] pet = new float[GEOMETRY.voxels()];
    final float[] ct = new float[GEOMETRY.voxels()];
    final float[] body;

    Stack(double bodyRadius, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      int size = GEOMETRY.size();
      for (int k = 0; k < GEOMETRY.slices(); k++) {
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            int i = (k * size + y) * size + x;
            boolean inside = Math.hypot(x - 32, y - 32) < bodyRadius;
            pet[i] = inside ? (float) (BACKGROUND_SUV + 0.05 * r.nextGaussian()) : 0.05f;
            ct[i] = inside ? (float) (TISSUE_HU + 5 * r.nextGaussian()) : -1000f;
          }
        }
      }
      body = InputNormalisation.DEFAULT.bodyMask(ct, size, size);
    }
  }

  private static SyntheticLesions insert(LesionSynthesisConfig config, Stack s, long seed) {
    return new SyntheticLesionInserter(config).insert(s.pet, s.ct, s.body, GEOMETRY, new SplittableRandom(seed));
  }

  /** x, y of a pixel relative to the lesion centre in mm, and the distance of slice k from it. */
  private static double distance(InsertedLesion l, int x, int y, int k) {
    return l.distance((x - l.centreX()) * GEOMETRY.pixelSpacingXMm(), (y - l.centreY()) * GEOMETRY.pixelSpacingYMm(),
        (k - GEOMETRY.centre()) * GEOMETRY.sliceSpacingMm() - l.centreOffsetMm());
  }

  @Test
  void uptakeInTheLesionIsTheBackgroundTimesTheDrawnContrast() {
    LesionSynthesisConfig config = LesionSynthesisConfig.builder().lesions(1, 1).radiusMm(8, 12).textureAmplitude(0.1).build();
    for (long seed = 0; seed < 10; seed++) {
      Stack s = new Stack(28, seed);
      float[] before = s.pet.clone();
      SyntheticLesions result = insert(config, s, seed);
      InsertedLesion l = result.lesions().get(0);
      assertEquals(BACKGROUND_SUV, l.backgroundSuv(), 0.05, "median SUV under the lesion");
      double sumAfter = 0;
      double sumBefore = 0;
      int base = GEOMETRY.centre() * GEOMETRY.plane();
      for (int y = 0; y < 64; y++) {
        for (int x = 0; x < 64; x++) {
          if (distance(l, x, y, GEOMETRY.centre()) <= 0.5) { // the core, away from the blurred edge
            sumAfter += s.pet[base + y * 64 + x];
            sumBefore += before[base + y * 64 + x];
          }
        }
      }
      double ratio = sumAfter / sumBefore;
      assertEquals(l.contrast(), ratio, 0.1 * l.contrast(), "seed " + seed + ": SUV ratio in the core");
      assertTrue(l.contrast() >= 1.5 && l.contrast() <= 8, "contrast " + l.contrast());
    }
  }

  @Test
  void ctChangesByTheDrawnDelta() {
    LesionSynthesisConfig config = LesionSynthesisConfig.builder().lesions(1, 1).radiusMm(8, 12).ctDeltaHu(-30, -20).build();
    Stack s = new Stack(28, 3);
    float[] before = s.ct.clone();
    InsertedLesion l = insert(config, s, 3).lesions().get(0);
    double change = 0;
    int count = 0;
    int base = GEOMETRY.centre() * GEOMETRY.plane();
    for (int i = 0; i < GEOMETRY.plane(); i++) {
      if (distance(l, i % 64, i / 64, GEOMETRY.centre()) <= 0.5) {
        change += s.ct[base + i] - before[base + i];
        count++;
      }
    }
    assertTrue(l.ctDeltaHu() >= -30 && l.ctDeltaHu() <= -20);
    assertEquals(l.ctDeltaHu(), change / count, 0.05 * Math.abs(l.ctDeltaHu()));
  }

  @Test
  void labelAreaMatchesTheDrawnHalfAxes() {
    LesionSynthesisConfig config = LesionSynthesisConfig.builder().lesions(1, 1).radiusMm(6, 14).minBodyFraction(1).build();
    for (long seed = 0; seed < 20; seed++) {
      Stack s = new Stack(28, seed);
      SyntheticLesions result = insert(config, s, seed);
      InsertedLesion l = result.lesions().get(0);
      double r = l.centreOffsetMm() / l.halfAxisZMm();
      double expectedMm2 = Math.PI * l.halfAxisUMm() * l.halfAxisVMm() * (1 - r * r);
      double labelledMm2 = result.labelledPixels(GEOMETRY.centre()) * GEOMETRY.pixelSpacingXMm() * GEOMETRY.pixelSpacingYMm();
      assertEquals(expectedMm2, labelledMm2, 0.1 * expectedMm2, "seed " + seed);
      for (double axis : new double[] {l.halfAxisUMm(), l.halfAxisVMm(), l.halfAxisZMm()}) {
        assertTrue(axis >= 0.75 * 6 && axis <= 1.25 * 14, "half-axis " + axis);
      }
      assertEquals(result.labelledPixels(GEOMETRY.centre()), sum(result.centreLabel()), "centreLabel is the centre slice");
    }
  }

  @Test
  void neighbouringSlicesShowSmallerCrossSectionsOfTheSameLesion() {
    // homogeneous lesions: the added uptake per slice then follows the cross-section
    LesionSynthesisConfig config = LesionSynthesisConfig.builder().lesions(1, 3).radiusMm(6, 14).textureAmplitude(0).build();
    for (long seed = 0; seed < 20; seed++) {
      Stack s = new Stack(28, seed);
      float[] before = s.pet.clone();
      SyntheticLesions result = insert(config, s, seed);
      int centre = result.labelledPixels(1);
      assertTrue(result.labelledPixels(0) <= centre && result.labelledPixels(2) <= centre,
          "seed " + seed + ": slices " + result.labelledPixels(0) + ", " + centre + ", " + result.labelledPixels(2));
      assertTrue(result.labelledPixels(0) + result.labelledPixels(2) > 0, "3 mm away, a >= 4.5 mm lesion shows");
      assertTrue(result.labelledPixels(0) + result.labelledPixels(2) < 2 * centre, "an ellipsoid, not a cylinder");
      double[] added = new double[3];
      for (int i = 0; i < s.pet.length; i++) {
        added[i / GEOMETRY.plane()] += s.pet[i] - before[i];
      }
      String perSlice = "seed " + seed + ": added SUV per slice " + java.util.Arrays.toString(added);
      assertTrue(added[0] <= 1.01 * added[1] && added[2] <= 1.01 * added[1], perSlice);
      assertTrue(added[0] + added[2] < 2 * added[1], perSlice);
    }
  }

  @Test
  void nothingOutsideTheBodyChanges() {
    // a small body and a loose body-fraction rule: lesions straddle the body's edge
    LesionSynthesisConfig config = LesionSynthesisConfig.builder().lesions(3, 3).radiusMm(8, 15).minBodyFraction(0.5).build();
    boolean straddled = false;
    for (long seed = 0; seed < 10; seed++) {
      Stack s = new Stack(12, seed);
      float[] pet = s.pet.clone();
      float[] ct = s.ct.clone();
      SyntheticLesions result = insert(config, s, seed);
      for (int i = 0; i < pet.length; i++) {
        if (s.body[i] == 0) {
          assertEquals(pet[i], s.pet[i], 0f, "PET outside the body at " + i);
          assertEquals(ct[i], s.ct[i], 0f, "CT outside the body at " + i);
          assertEquals(0f, result.labels()[i], "label outside the body at " + i);
        }
      }
      for (InsertedLesion l : result.lesions()) {
        for (int i = 0; i < GEOMETRY.plane(); i++) {
          straddled |= s.body[GEOMETRY.centre() * GEOMETRY.plane() + i] == 0 && distance(l, i % 64, i / 64, 1) <= 1;
        }
      }
    }
    assertTrue(straddled, "the test needs a lesion reaching out of the body");
  }

  @Test
  void lesionsAvoidTheHottestStructures() {
    LesionSynthesisConfig config = LesionSynthesisConfig.builder().lesions(3, 3).radiusMm(4, 8).hotQuantile(0.9).build();
    int placed = 0;
    for (long seed = 0; seed < 20; seed++) {
      Stack s = new Stack(28, seed);
      // a "bladder": SUV 12 in a disc of radius 8 px (about 8 % of the body)
      for (int i = 0; i < s.pet.length; i++) {
        int p = i % GEOMETRY.plane();
        if (Math.hypot(p % 64 - 40, p / 64 - 32) < 8) {
          s.pet[i] = 12f;
        }
      }
      SyntheticLesions result = insert(config, s, seed);
      for (InsertedLesion l : result.lesions()) {
        assertTrue(Math.hypot(l.centreX() - 40, l.centreY() - 32) >= 8, "seed " + seed + ": lesion centred in the hot disc");
        assertTrue(l.backgroundSuv() < 2, "background " + l.backgroundSuv());
        placed++;
      }
    }
    assertEquals(60, placed, "three lesions fit in every stack");
  }

  @Test
  void lesionsDoNotOverlapInTheCentreSlice() {
    LesionSynthesisConfig config = LesionSynthesisConfig.builder().lesions(3, 3).radiusMm(6, 12).build();
    Stack s = new Stack(28, 11);
    SyntheticLesions result = insert(config, s, 11);
    int total = 0;
    for (InsertedLesion l : result.lesions()) {
      for (int i = 0; i < GEOMETRY.plane(); i++) {
        total += distance(l, i % 64, i / 64, 1) <= 1 && s.body[GEOMETRY.plane() + i] > 0 ? 1 : 0;
      }
    }
    assertEquals(3, result.lesions().size());
    assertEquals(total, result.labelledPixels(1), "labelled pixels = sum of the lesions' own cross-sections");
  }

  @Test
  void sameRandomStateSameLesions() {
    LesionSynthesisConfig config = LesionSynthesisConfig.defaults();
    Stack a = new Stack(28, 1);
    Stack b = new Stack(28, 1);
    Stack c = new Stack(28, 1);
    SyntheticLesions ra = insert(config, a, 42);
    SyntheticLesions rb = insert(config, b, 42);
    SyntheticLesions rc = insert(config, c, 43);
    assertEquals(ra.lesions(), rb.lesions());
    assertArrayEquals(a.pet, b.pet);
    assertArrayEquals(a.ct, b.ct);
    assertArrayEquals(ra.labels(), rb.labels());
    assertFalse(java.util.Arrays.equals(a.pet, c.pet), "another random state, other lesions");
  }

  @Test
  void aStackWithoutBodyGetsNoLesion() {
    Stack s = new Stack(0, 1);
    float[] pet = s.pet.clone();
    SyntheticLesions result = insert(LesionSynthesisConfig.defaults(), s, 1);
    assertTrue(result.lesions().isEmpty());
    assertArrayEquals(pet, s.pet);
    assertEquals(0, sum(result.labels()));
  }

  @Test
  void wrongArrayLengthsAreNamed() {
    Stack s = new Stack(28, 1);
    SyntheticLesionInserter inserter = new SyntheticLesionInserter(LesionSynthesisConfig.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> inserter.insert(s.pet, new float[5], s.body, GEOMETRY, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("ctHu") && e.getMessage().contains("12288"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SliceStackGeometry(2, 64, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> LesionSynthesisConfig.builder().contrast(0.5, 2).build());
  }

  private static int sum(float[] values) {
    int n = 0;
    for (float v : values) {
      n += v > 0 ? 1 : 0;
    }
    return n;
  }
}
