package io.petal.lesions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesion statistics on the hand-built {@link BlobPhantom}: every number worked out by hand. */
class LesionMeasurerTest {
  private static final double EPS = 1e-9;
  private final BlobPhantom p = new BlobPhantom();
  private final List<LesionStatistics> lesions = new LesionMeasurer(BlobPhantom.GRID).measure(p.mask, p.suv, p.ct);

  @Test
  void edgeNeighboursJoinCornerNeighboursDoNot() {
    assertEquals(3, lesions.size());
    assertEquals(List.of(12, 2, 1), lesions.stream().map(LesionStatistics::voxels).toList());
    assertEquals(List.of(1, 2, 3), lesions.stream().map(LesionStatistics::lesionId).toList());
  }

  @Test
  void lesionAByHand() {
    LesionStatistics a = lesions.get(0);
    assertEquals(12 * BlobPhantom.VOXEL_ML, a.volumeMl(), EPS);
    assertEquals(a.volumeMl(), a.mtvMl(), 0);
    assertEquals(9.0, a.suvMax(), EPS);
    assertEquals(BlobPhantom.A_SUV_MEAN, a.suvMean(), EPS);
    assertEquals(BlobPhantom.A_SUV_MEAN * 0.288, a.tlg(), EPS);
    assertEquals(1.536, a.tlg(), 1e-12);
    assertEquals(BlobPhantom.A_SUV_PEAK, a.suvPeak(), EPS);
    assertEquals(40.0, a.ctMeanHu(), EPS);
    assertArrayEquals(new double[] {-14, -13.5, 110}, a.centroidMm(), EPS);
    assertEquals(new IndexBox(2, 4, 3, 4, 2, 3), a.box());
    assertArrayEquals(new double[] {6, 6, 8}, a.extentMm(), EPS);
  }

  @Test
  void lesionsBAndCByHand() {
    LesionStatistics b = lesions.get(1);
    assertEquals(0.048, b.volumeMl(), EPS);
    assertEquals(4.0, b.suvMax(), EPS);
    assertEquals(3.5, b.suvMean(), EPS);
    assertEquals(BlobPhantom.B_SUV_PEAK, b.suvPeak(), EPS);
    assertEquals(-100.0, b.ctMeanHu(), EPS);
    assertArrayEquals(new double[] {1, 7.5, 120}, b.centroidMm(), EPS);
    assertEquals(new IndexBox(10, 11, 10, 11, 5, 5), b.box());
    LesionStatistics c = lesions.get(2);
    assertEquals(6.0, c.suvMax(), EPS);
    assertEquals(6.0 * 0.024, c.tlg(), EPS);
    assertEquals(BlobPhantom.C_SUV_PEAK, c.suvPeak(), EPS);
    assertArrayEquals(new double[] {-20 + 24, -24 + 36, 100 + 24}, c.centroidMm(), EPS);
  }

  @Test
  void burdenSumsTheLesions() {
    LesionBurden b = LesionBurden.of(lesions);
    assertEquals(3, b.lesionCount());
    assertEquals(15, b.voxels());
    assertEquals(15 * 0.024, b.totalMtvMl(), EPS);
    assertEquals(1.536 + 0.168 + 0.144, b.totalTlg(), EPS);
    assertEquals(9.0, b.suvMax());
    assertNull(LesionBurden.of(List.of()).suvMax());
  }

  @Test
  void withoutCtTheMeanHuIsNull() {
    assertNull(new LesionMeasurer(BlobPhantom.GRID).measure(p.mask, p.suv, null).get(0).ctMeanHu());
  }

  @Test
  void anyNonZeroLabelIsLesion() {
    byte[] classes = p.mask.clone();
    classes[BlobPhantom.GRID.index(3, 3, 2)] = 2;
    assertEquals(12, new LesionMeasurer(BlobPhantom.GRID).measure(classes, p.suv, p.ct).get(0).voxels());
  }

  @Test
  void anEmptyMaskHasNoLesion() {
    assertTrue(new LesionMeasurer(BlobPhantom.GRID).measure(new byte[p.mask.length], p.suv, p.ct).isEmpty());
  }

  @Test
  void arraysOfAnotherSizeAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LesionMeasurer(BlobPhantom.GRID).measure(p.mask, new float[7], p.ct));
    assertTrue(e.getMessage().contains("SUV has 7 voxels"), e.getMessage());
  }

  @Test
  void centroidFollowsAnObliqueAffine() {
    // the same grid rotated 90° about z and flipped in x: centroids map through the affine
    Affine rotated = Affine.of(new double[] {0, -3, 0, 5, -2, 0, 0, 7, 0, 0, 4, -50});
    ImageGrid g = new ImageGrid(BlobPhantom.NX, BlobPhantom.NY, BlobPhantom.NZ, rotated);
    LesionStatistics a = new LesionMeasurer(g).measure(p.mask, p.suv, p.ct).get(0);
    assertArrayEquals(new double[] {5 - 3 * 3.5, 7 - 2 * 3, -50 + 4 * 2.5}, a.centroidMm(), EPS);
    assertEquals(BlobPhantom.A_SUV_PEAK, a.suvPeak(), EPS); // same spacings, same sphere
    assertArrayEquals(new double[] {6, 6, 8}, a.extentMm(), EPS);
  }
}
