package io.petal.report;

import java.util.Objects;

/**
 * One rendered figure of a report.
 *
 * @param id HTML id, unique in the report (e.g. {@code fig-roc-slice})
 * @param title short title shown above the caption
 * @param caption what the figure shows and how to read it (plain text)
 * @param png the picture, PNG bytes
 * @param displayWidth width it is shown at in the page, CSS pixels (the PNG may have more pixels)
 */
public record Figure(String id, String title, String caption, byte[] png, int displayWidth) {
  public Figure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(png, "png");
    if (displayWidth < 1) {
      throw new IllegalArgumentException("figure " + id + ": display width must be positive, got " + displayWidth);
    }
  }
}
