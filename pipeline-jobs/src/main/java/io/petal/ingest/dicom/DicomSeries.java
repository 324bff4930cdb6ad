package io.petal.ingest.dicom;

import io.petal.image.Volume;
import java.util.List;

/**
 * One DICOM image series assembled into a volume.
 *
 * @param volume            rescaled values (RescaleSlope/Intercept of each slice applied) in the
 *                          series' own units (HU for CT, the PET Units for PET), x-fastest with
 *                          i = column, j = row, k = slice in position order; its grid's affine maps to
 *                          patient LPS mm
 * @param frameOfReferenceUid FrameOfReferenceUID shared by every file, or null when absent
 * @param slices            the plane behind each k (which file and frame), {@code nz} entries
 */
public record DicomSeries(Volume volume, String frameOfReferenceUid, List<SlicePlane> slices) {
  public DicomSeries {
    slices = List.copyOf(slices);
  }
}
