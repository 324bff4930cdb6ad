package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class SliceCutterTest {
  /** 3 x 2 voxels per slice, 4 slices, 2 mm apart in z starting at z = -10 mm. */
  static final ImageGrid GRID = new ImageGrid(3, 2, 4, Affine.axisAligned(1.5, 1.5, 2.0, 0, 0, -10));

  /** PET value of a voxel: distinct everywhere, so every byte of a tensor is checked. */
  static float pet(int i, int j, int k) {
    return 0.25f * (i + 3 * j) + 10 * k;
  }

  static LoadedStudy study(boolean withLabels) {
    Volume pet = Volume.zeros(GRID);
    Volume ct = Volume.zeros(GRID);
    Volume seg = Volume.zeros(GRID);
    for (int k = 0; k < GRID.nz(); k++) {
      for (int j = 0; j < GRID.ny(); j++) {
        for (int i = 0; i < GRID.nx(); i++) {
          pet.set(i, j, k, pet(i, j, k));
          ct.set(i, j, k, -1000 + i + 10 * j + 100 * k);
        }
      }
    }
    seg.set(0, 0, 1, 1);  // slice 1: one lesion voxel, PET 10
    seg.set(2, 1, 2, 1);  // slice 2: two, PET 21.25 and 20.5
    seg.set(1, 1, 2, 2);
    return new LoadedStudy(GRID, List.of("PET", "CT"), List.of("SUV", "HU"), List.of(pet, ct),
        withLabels ? List.of("seg") : List.of(), withLabels ? List.of(seg) : List.of(),
        new LoadedStudy.SuvNormalisation(1.0, "test", null), "nifti", "hash");
  }

  static float[] floats(byte[] b) {
    float[] f = new float[b.length / Float.BYTES];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
    return f;
  }

  @Test
  void eachRowHoldsItsSliceOfEveryChannelAndLabelInTensorLayout() {
    LoadedStudy s = study(true);
    SliceCutter cut = new SliceCutter(s);
    for (int k = 0; k < GRID.nz(); k++) {
      assertTrue(cut.hasNext());
      SliceRecord r = cut.next();
      assertEquals(k, r.sliceIndex());
      assertEquals(-10 + 2.0 * k, r.zMm(), 1e-12);
      assertEquals(SliceCutter.AXIAL, r.view());
      assertEquals(3, r.width());
      assertEquals(2, r.height());
      assertEquals(2, r.channelCount());
      float[] expected = new float[2 * 6];
      System.arraycopy(s.channels().get(0).slice(k), 0, expected, 0, 6);
      System.arraycopy(s.channels().get(1).slice(k), 0, expected, 6, 6);
      assertArrayEquals(expected, floats(r.image()));
      byte[] labels = new byte[6];
      float[] seg = s.labels().get(0).slice(k);
      for (int i = 0; i < 6; i++) {
        labels[i] = (byte) seg[i];
      }
      assertEquals(1, r.labelCount());
      assertArrayEquals(labels, r.labels());
      assertEquals(pet(2, 1, k), r.channel0Max());
    }
    assertFalse(cut.hasNext());
    assertThrows(NoSuchElementException.class, cut::next);
  }

  @Test
  void lesionFactsPerSliceAndTotalsForTheStudy() {
    SliceCutter cut = new SliceCutter(study(true));
    SliceRecord s0 = cut.next();
    SliceRecord s1 = cut.next();
    assertEquals(0, s0.lesionVoxels());
    assertNull(s0.lesionChannel0Max());
    assertEquals(1, s1.lesionVoxels());
    assertEquals(10f, s1.lesionChannel0Max());
    SliceRecord s2 = cut.next();
    assertEquals(2, s2.lesionVoxels());
    assertEquals(pet(2, 1, 2), s2.lesionChannel0Max());
    cut.next();
    assertEquals(3, cut.lesionVoxels());
    assertEquals(pet(2, 1, 3), cut.channel0Max(), 0.0);
    assertEquals(4, cut.slicesCut());
  }

  @Test
  void unlabelledStudyHasNoLabelTensorAndNoLesions() {
    SliceCutter cut = new SliceCutter(study(false));
    assertTrue(Double.isNaN(cut.channel0Max()), "no slice cut yet");
    while (cut.hasNext()) {
      SliceRecord r = cut.next();
      assertEquals(0, r.labelCount());
      assertNull(r.labels());
      assertEquals(0, r.lesionVoxels());
      assertNull(r.lesionChannel0Max());
    }
    assertEquals(0, cut.lesionVoxels());
  }

  @Test
  void rowsShareTheirTensorBuffers() {
    SliceCutter cut = new SliceCutter(study(true));
    SliceRecord a = cut.next();
    float first = floats(a.image())[0];
    SliceRecord b = cut.next();
    assertTrue(a.image() == b.image() && a.labels() == b.labels(), "one buffer per tensor for the whole study");
    assertEquals(pet(0, 0, 1), floats(a.image())[0], "the earlier row now shows the later slice");
    assertEquals(pet(0, 0, 0), first);
  }
}
