package io.petal.report;

import java.awt.image.BufferedImage;
import java.util.function.DoubleToIntFunction;

/**
 * The pictures of an {@link ExampleSlice} at its own pixel resolution (one picture pixel per slice
 * pixel), before scaling and outlines: PET, CT, and the anomaly map over the CT.
 */
final class SliceRasters {
  private SliceRasters() {}

  /** PET in {@code window}, inverted grey (high SUV dark). */
  static BufferedImage pet(ExampleSlice s, IntensityWindow window) {
    return mapped(s, s.petSuv(), window, Colormaps::invertedGrey);
  }

  /** CT in {@code window}, grey (high HU bright). */
  static BufferedImage ct(ExampleSlice s, IntensityWindow window) {
    return mapped(s, s.ctHu(), window, Colormaps::grey);
  }

  /** The anomaly map in {@code anomalyWindow} as a heat overlay on the CT in {@code ctWindow}. */
  static BufferedImage anomalyOverCt(ExampleSlice s, IntensityWindow ctWindow, IntensityWindow anomalyWindow) {
    int[] rgb = new int[s.width() * s.height()];
    for (int i = 0; i < rgb.length; i++) {
      int base = Colormaps.grey(0.8 * ctWindow.fraction(s.ctHu()[i]));
      rgb[i] = Colormaps.heatOver(base, anomalyWindow.fraction(s.anomaly()[i]));
    }
    return image(s, rgb);
  }

  private static BufferedImage mapped(ExampleSlice s, float[] values, IntensityWindow window,
      DoubleToIntFunction colormap) {
    int[] rgb = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      rgb[i] = colormap.applyAsInt(window.fraction(values[i]));
    }
    return image(s, rgb);
  }

  private static BufferedImage image(ExampleSlice s, int[] rgb) {
    BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, s.width(), s.height(), rgb, 0, s.width());
    return img;
  }
}
