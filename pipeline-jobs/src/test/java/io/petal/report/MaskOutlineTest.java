package io.petal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskOutlineTest {

  /**
   * Masks drawn as rows ('#' = mask, '/' separates rows); the outline's unit segments are the
   * mask's perimeter in pixels, and its bounds are the mask's pixel bounds.
   */
  @ParameterizedTest(name = "{0}: perimeter {1}")
  @CsvSource({
      "'..../.##./.##./....', 8, 1, 1, 3, 3",
      "'#...', 4, 0, 0, 1, 1",
      "'##/#.', 8, 0, 0, 2, 2",
      "'#.#/...', 8, 0, 0, 3, 1",
      "'###/#.#/###', 16, 0, 0, 3, 3",
      "'..../....', 0, 0, 0, 0, 0",
  })
  void outlineRunsAlongThePixelBorders(String rows, int perimeter, int minX, int minY, int maxX, int maxY) {
    String[] r = rows.split("/");
    int width = r[0].length();
    int height = r.length;
    boolean[] mask = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        mask[y * width + x] = r[y].charAt(x) == '#';
      }
    }
    Path2D.Double outline = MaskOutline.of(mask, width, height);
    assertEquals(perimeter, segments(outline));
    if (perimeter > 0) {
      Rectangle2D bounds = outline.getBounds2D();
      assertEquals(new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY), bounds);
    }
  }

  private static int segments(Path2D path) {
    int n = 0;
    double[] c = new double[6];
    double px = 0;
    double py = 0;
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      if (type == PathIterator.SEG_LINETO) {
        assertEquals(1.0, Math.abs(c[0] - px) + Math.abs(c[1] - py), 0, "unit segment along a pixel border");
        n++;
      }
      px = c[0];
      py = c[1];
    }
    return n;
  }
}
