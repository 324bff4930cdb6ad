package io.petal.models.seg;

import java.util.Arrays;
import java.util.List;

/**
 * What {@link SyntheticLesionInserter#insert} put into a slice stack.
 *
 * @param geometry the stack's shape and spacing
 * @param labels [slices, size, size] 0/1 lesion labels (inside an ellipsoid and inside the body),
 *     x fastest
 * @param lesions the inserted lesions, in insertion order (may be fewer than drawn when no place
 *     was found)
 */
public record SyntheticLesions(SliceStackGeometry geometry, float[] labels, List<InsertedLesion> lesions) {
  public SyntheticLesions {
    lesions = List.copyOf(lesions);
  }

  /** The label of the centre slice, [size, size], x fastest (a copy): the segmentation target. */
  public float[] centreLabel() {
    int plane = geometry.plane();
    int from = geometry.centre() * plane;
    return Arrays.copyOfRange(labels, from, from + plane);
  }

  /** Number of lesion pixels in slice {@code slice}. */
  public int labelledPixels(int slice) {
    int plane = geometry.plane();
    int count = 0;
    for (int i = slice * plane; i < (slice + 1) * plane; i++) {
      count += labels[i] > 0 ? 1 : 0;
    }
    return count;
  }
}
