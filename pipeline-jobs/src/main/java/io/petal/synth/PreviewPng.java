package io.petal.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/** Writes a preview picture as PNG. */
public final class PreviewPng {
  private PreviewPng() {}

  /** Writes {@code image} as PNG to {@code out} (not closed). */
  public static void write(BufferedImage image, OutputStream out) throws IOException {
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer available in this JVM (javax.imageio)");
    }
  }
}
