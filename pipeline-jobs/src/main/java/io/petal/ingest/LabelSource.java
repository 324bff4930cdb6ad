package io.petal.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One annotation source of a study.
 *
 * @param name   label source name ({@code seg}, {@code seg_expert_a}, …)
 * @param format NIfTI label map, DICOM RTSTRUCT (contours, rasterised onto the reference grid)
 *               or DICOM SEG
 * @param paths  its file(s)
 */
public record LabelSource(String name, ChannelSource.Format format, List<String> paths) implements Serializable {
  public LabelSource {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("label source " + name + " has no file");
    }
  }
}
