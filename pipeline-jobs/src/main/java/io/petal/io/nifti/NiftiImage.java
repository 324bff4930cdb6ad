package io.petal.io.nifti;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.Objects;

/**
 * One 3D volume read from a NIfTI-1 file: the voxels on Petal's grid (LPS+, mm; values scaled by
 * {@code scl_slope}/{@code scl_inter}, in the image's own unit) and the header they came from.
 *
 * @param volume voxel values, x-fastest, on the grid given by the header's sform/qform/pixdim
 * @param header the file's header as stored (file units, RAS+)
 * @param source the file name or description it was read from
 */
public record NiftiImage(Volume volume, NiftiHeader header, String source) {
  public NiftiImage {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(source, "source");
  }

  /** The volume's grid. */
  public ImageGrid grid() {
    return volume.grid();
  }

  /** The voxel values, x-fastest (shared with {@link #volume()}). */
  public float[] data() {
    return volume.data();
  }
}
