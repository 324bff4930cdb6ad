package io.petal.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** PNG encoding of pictures and charts, and their {@code data:} URIs for a self-contained page. */
public final class Png {
  private Png() {}

  /** The PNG bytes of {@code image}. */
  public static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer available in this JVM (javax.imageio)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a PNG in memory", e);
    }
    return out.toByteArray();
  }

  /**
   * The chart drawn at {@code width} x {@code height} logical pixels and rasterised at
   * {@code scale} times that, so it stays sharp on high-density screens.
   */
  public static byte[] encode(JFreeChart chart, int width, int height, int scale) {
    return encode(chart.createBufferedImage(width * scale, height * scale, width, height, null));
  }

  /** {@code data:image/png;base64,...} of PNG bytes. */
  public static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
