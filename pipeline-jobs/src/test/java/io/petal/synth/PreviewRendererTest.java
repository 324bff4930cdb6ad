package io.petal.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PreviewRendererTest {
  private static final SynthConfig CFG = SynthConfig.small();
  private static SyntheticStudy abnormal;
  private static SyntheticStudy normal;

  @BeforeAll
  static void generate() {
    abnormal = SyntheticCohort.patient(77, 0, true, CFG);
    normal = SyntheticCohort.patient(77, 0, false, CFG);
  }

  @Test
  void hasTwoPanelsWithTheBodysAspectRatio() {
    BufferedImage img = PreviewRenderer.render(abnormal);
    int panel = (int) Math.round(CFG.nx() * CFG.inPlaneSpacingMm()
        * PreviewRenderer.PANEL_HEIGHT_PX / (CFG.nz() * CFG.sliceSpacingMm()));
    assertEquals(2 * panel + PreviewRenderer.GAP_PX, img.getWidth());
    assertEquals(PreviewRenderer.PANEL_HEIGHT_PX + PreviewRenderer.HEADER_PX, img.getHeight());
  }

  @Test
  void outlinesTheLesionsInRedOnlyWhenThereAreLesions() {
    assertTrue(redPixels(PreviewRenderer.render(abnormal)) > 20);
    assertEquals(0, redPixels(PreviewRenderer.render(normal)));
  }

  @Test
  void showsTheHeadAtTheTop() {
    BufferedImage img = PreviewRenderer.render(normal);
    int panel = (img.getWidth() - PreviewRenderer.GAP_PX) / 2;
    // the hot brain makes the projection dark near the top, the feet region is not dark
    double top = meanGrey(img, panel / 3, 2 * panel / 3, PreviewRenderer.HEADER_PX + 40,
        PreviewRenderer.HEADER_PX + 120);
    double bottom = meanGrey(img, 0, panel, img.getHeight() - 60, img.getHeight() - 1);
    assertTrue(top < bottom - 50, "brain not at the top: " + top + " / " + bottom);
  }

  @Test
  void aGridStoredFeetFirstAndRightToLeftRendersTheSamePicture() {
    ImageGrid g = abnormal.suv().grid();
    double[] m = g.affine().rowMajor3x4();
    double[] start = g.affine().apply(g.nx() - 1, 0, g.nz() - 1);
    Affine flipped = Affine.of(new double[] {-m[0], m[1], -m[2], start[0], -m[4], m[5], -m[6],
        start[1], -m[8], m[9], -m[10], start[2]});
    ImageGrid fg = new ImageGrid(g.nx(), g.ny(), g.nz(), flipped);
    BufferedImage a1 = PreviewRenderer.render(abnormal.suv(), abnormal.ct(), abnormal.seg(), "t");
    BufferedImage a2 = PreviewRenderer.render(flipXz(abnormal.suv(), fg),
        flipXz(abnormal.ct(), fg), flipXz(abnormal.seg(), fg), "t");
    for (int y = PreviewRenderer.HEADER_PX; y < a1.getHeight(); y++) {
      for (int x = 0; x < a1.getWidth(); x++) {
        assertEquals(a1.getRGB(x, y), a2.getRGB(x, y), "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void writesAReadablePng() throws Exception {
    BufferedImage img = PreviewRenderer.render(abnormal);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PreviewPng.write(img, out);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(img.getWidth(), back.getWidth());
    assertEquals(img.getRGB(10, 100), back.getRGB(10, 100));
  }

  @Test
  void rejectsVolumesOnDifferentGrids() {
    ImageGrid other = new ImageGrid(4, 4, 4, Affine.axisAligned(1, 1, 1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> PreviewRenderer.render(abnormal.suv(),
        Volume.zeros(other), null, "bad"));
  }

  /** The same voxels stored with the first and last index axes reversed. */
  private static Volume flipXz(Volume v, ImageGrid to) {
    ImageGrid g = v.grid();
    float[] d = new float[g.voxelCount()];
    for (int k = 0; k < g.nz(); k++) {
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++) {
          d[g.index(g.nx() - 1 - i, j, g.nz() - 1 - k)] = v.data()[g.index(i, j, k)];
        }
      }
    }
    return new Volume(to, d);
  }

  private static int redPixels(BufferedImage img) {
    int red = PreviewRenderer.OUTLINE.getRGB();
    int c = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) == red) {
          c++;
        }
      }
    }
    return c;
  }

  private static double meanGrey(BufferedImage img, int x0, int x1, int y0, int y1) {
    double s = 0;
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        s += img.getRGB(x, y) & 0xff;
        n++;
      }
    }
    return s / n;
  }
}
