package io.petal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ExampleSliceFigureTest {

  /** A round lesion on pixels 2 mm wide and 3 mm high is shown 1.5 times as high as wide. */
  @Test
  void nonSquarePixelsAreShownSquareInMm() {
    ExampleSlice s = SyntheticReport.exampleSlice("a1b2c3d4e5f6", 100, 80, 2.0, 3.0, 30, 40, 8, true);
    BufferedImage picture = ExampleSliceFigure.render(s);
    // the first panel: left third, above the colour bars and the legend (the legend has a green line too)
    Rectangle truth = boundsOf(picture, MethodColors.TRUTH_CONTOUR, picture.getWidth() / 3,
        picture.getHeight() - 90 * ExampleSliceFigure.SCALE);
    double aspect = truth.getHeight() / truth.getWidth();
    assertEquals(1.5, aspect, 0.08, "true outline bounds " + truth);
  }

  @Test
  void predictedOutlineIsDrawnOnlyWithAPrediction() {
    ExampleSlice with = SyntheticReport.exampleSlice("a1b2c3d4e5f6", 64, 64, 3.0, 3.0, 30, 30, 6, true);
    ExampleSlice without = SyntheticReport.exampleSlice("a1b2c3d4e5f6", 64, 64, 3.0, 3.0, 30, 30, 6, false);
    BufferedImage a = ExampleSliceFigure.render(with);
    BufferedImage b = ExampleSliceFigure.render(without);
    assertTrue(count(a, MethodColors.PREDICTED_CONTOUR, a.getWidth()) > 50);
    assertEquals(0, count(b, MethodColors.PREDICTED_CONTOUR, b.getWidth()));
    assertTrue(count(b, MethodColors.TRUTH_CONTOUR, b.getWidth()) > 50);
  }

  @Test
  void withoutAnAnomalyMapTwoPanelsAreDrawn() {
    ExampleSlice s = SyntheticReport.exampleSlice("a1b2c3d4e5f6", 64, 64, 3.0, 3.0, 30, 30, 6, true);
    ExampleSlice noMap = new ExampleSlice(s.caseId(), s.predictedBy(), s.sliceIndex(), s.zMm(), s.width(), s.height(),
        s.columnSpacingMm(), s.rowSpacingMm(), s.petSuv(), s.ctHu(), null, s.truth(), s.predicted());
    assertTrue(ExampleSliceFigure.render(noMap).getWidth() < ExampleSliceFigure.render(s).getWidth() * 0.75);
  }

  @Test
  void arraysOfTheWrongSizeAreRefusedNamingTheCase() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExampleSlice(
        "0123456789abcdef", "m", 7, 0, 4, 4, 1, 1, new float[15], new float[16], null, new boolean[16], null));
    assertTrue(e.getMessage().contains("case 01234567") && e.getMessage().contains("PET has 15 values"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ExampleSlice("c", "m", 7, 0, 4, 4, 0, 1, new float[16],
        new float[16], null, new boolean[16], null));
  }

  private static Rectangle boundsOf(BufferedImage img, Color colour, int maxX, int maxY) {
    Rectangle r = null;
    for (int y = 0; y < maxY; y++) {
      for (int x = 0; x < maxX; x++) {
        if (img.getRGB(x, y) == colour.getRGB()) {
          r = r == null ? new Rectangle(x, y, 1, 1) : r.union(new Rectangle(x, y, 1, 1));
        }
      }
    }
    assertTrue(r != null, "no pixel of the colour found");
    return r;
  }

  private static int count(BufferedImage img, Color colour, int maxX) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < maxX; x++) {
        if (img.getRGB(x, y) == colour.getRGB()) {
          n++;
        }
      }
    }
    return n;
  }
}
