package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.List;

/**
 * A study in memory after loading: every channel and label on one reference grid.
 *
 * @param grid          the reference grid (the PET grid for PET/CT)
 * @param channelNames  channel names, tensor order
 * @param channelUnits  channel units, tensor order (SUV, HU, …)
 * @param channels      one volume per channel, all on {@code grid}
 * @param labelNames    label source names, tensor order
 * @param labels        one integer-valued label volume per source, on {@code grid}
 * @param suv           SUV normalisation that was applied to the PET channel (null without PET)
 * @param sourceFormat  {@code nifti} or {@code dicom}
 * @param contentHash   SHA-256 (hex) of every input file's bytes, in source order
 * @param views         the view name of each k index of a study of planar views; empty for axial slices
 */
public record LoadedStudy(ImageGrid grid, List<String> channelNames, List<String> channelUnits,
    List<Volume> channels, List<String> labelNames, List<Volume> labels, SuvNormalisation suv,
    String sourceFormat, String contentHash, List<String> views) {

  public LoadedStudy {
    views = List.copyOf(views);
    if (!views.isEmpty() && views.size() != grid.nz()) {
      throw new IllegalArgumentException(views.size() + " view names for " + grid.nz() + " views");
    }
  }

  /** A study of axial slices. */
  public LoadedStudy(ImageGrid grid, List<String> channelNames, List<String> channelUnits, List<Volume> channels,
      List<String> labelNames, List<Volume> labels, SuvNormalisation suv, String sourceFormat, String contentHash) {
    this(grid, channelNames, channelUnits, channels, labelNames, labels, suv, sourceFormat, contentHash, List.of());
  }

  /** True for a study of planar views (one slices row per view) rather than axial slices. */
  public boolean planar() {
    return !views.isEmpty();
  }

  /** The SUV factor used and the rule that produced it. */
  public record SuvNormalisation(double factor, String rule, Double sulFactor) {}
}
