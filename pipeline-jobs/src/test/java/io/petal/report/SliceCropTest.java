package io.petal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SliceCropTest {

  @Test
  void smallLesionIsShownInTheMinimumFieldOfViewCentredOnIt() {
    // 512 x 512 mm slice, 4 mm pixels, lesion of radius 2 pixels at (84, 56)
    ExampleSlice s = SyntheticReport.exampleSlice("c", 128, 128, 4.0, 4.0, 84, 56, 2, false);
    SliceCrop crop = SliceCrop.around(s, 180);
    assertEquals(45, crop.width(), "ceil(180 mm / 4 mm)");
    assertEquals(45, crop.height());
    assertEquals(84.5, crop.x0() + crop.width() / 2.0, 1, "centred on the lesion");
    assertEquals(56.5, crop.y0() + crop.height() / 2.0, 1);
    float[] part = crop.of(s.petSuv(), s.width());
    assertEquals(45 * 45, part.length);
    assertEquals(s.petSuv()[56 * 128 + 84], part[(56 - crop.y0()) * 45 + 84 - crop.x0()], 0, "the lesion's centre");
  }

  @Test
  void cropStaysInsideTheSliceNearItsEdge() {
    ExampleSlice s = SyntheticReport.exampleSlice("c", 128, 128, 4.0, 4.0, 3, 124, 2, true);
    SliceCrop crop = SliceCrop.around(s, 180);
    assertEquals(0, crop.x0());
    assertEquals(128 - crop.height(), crop.y0());
  }

  @Test
  void largeLesionGetsThreeTimesItsExtentAndNonSquarePixelsAnEqualSideInMm() {
    // lesion radius 10 px: 21 columns x 2 mm = 42 mm, 21 rows x 3 mm = 63 mm; 3 x 63 = 189 mm
    ExampleSlice s = SyntheticReport.exampleSlice("c", 200, 150, 2.0, 3.0, 100, 75, 10, false);
    SliceCrop crop = SliceCrop.around(s, 100);
    assertEquals(95, crop.width(), "ceil(189 / 2)");
    assertEquals(63, crop.height(), "189 / 3");
    assertEquals(crop.widthMm(s), crop.heightMm(s), 2.0);
  }

  @Test
  void emptyMasksOrASmallSliceShowTheWholeSlice() {
    ExampleSlice s = SyntheticReport.exampleSlice("c", 40, 30, 2.0, 2.0, 20, 15, 3, true);
    assertTrue(SliceCrop.around(s, 180).isWhole(s), "80 x 60 mm is smaller than the minimum view");
    ExampleSlice empty = new ExampleSlice("c", "m", 0, 0, 128, 128, 4, 4, new float[128 * 128],
        new float[128 * 128], null, new boolean[128 * 128], null);
    assertTrue(SliceCrop.around(empty, 180).isWhole(empty));
  }
}
