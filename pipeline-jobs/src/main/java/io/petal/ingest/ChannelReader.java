package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.List;

/**
 * Reads one channel or label source of a study from its files' bytes, in the channel's unit
 * (PET normalised to SUV). Implementations cover NIfTI and DICOM.
 */
public interface ChannelReader {

  /**
   * A channel as read, on its own grid.
   *
   * @param volume           values in the channel's unit
   * @param suv              SUV normalisation applied (PET only, else null)
   * @param frameOfReference DICOM FrameOfReferenceUID, or null when the format has none
   * @param sourceFormat     {@code nifti} or {@code dicom}
   * @param views            the view name of each k index for planar views ({@code anterior},
   *                         {@code posterior}); empty for a volume of axial slices
   */
  record Loaded(Volume volume, LoadedStudy.SuvNormalisation suv, String frameOfReference, String sourceFormat,
      List<String> views) {

    public Loaded {
      views = List.copyOf(views);
      if (!views.isEmpty() && views.size() != volume.grid().nz()) {
        throw new IllegalArgumentException(views.size() + " view names for " + volume.grid().nz() + " views");
      }
    }

    /** A channel of axial slices. */
    public Loaded(Volume volume, LoadedStudy.SuvNormalisation suv, String frameOfReference, String sourceFormat) {
      this(volume, suv, frameOfReference, sourceFormat, List.of());
    }
  }

  /** Reads an image channel. */
  Loaded read(ChannelSource channel, StudyFiles files) throws StudyRejectedException;

  /**
   * Reads a label source; label maps come on their own grid, contour sets (RTSTRUCT) and DICOM
   * SEG are put onto {@code referenceGrid}, after checking that they share the reference image's
   * frame of reference ({@code referenceFrameOfReference}, null when the image has none).
   */
  Volume readLabel(LabelSource label, StudyFiles files, ImageGrid referenceGrid, String referenceFrameOfReference)
      throws StudyRejectedException;
}
