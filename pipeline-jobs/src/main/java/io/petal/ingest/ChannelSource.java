package io.petal.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Where one image channel of a study comes from.
 *
 * @param name    channel name in the tables ({@code PET}, {@code CT}, {@code T1}, …)
 * @param unit    unit of the values once loaded ({@code SUV}, {@code HU}, {@code a.u.}, …)
 * @param format  how the files are read
 * @param paths   one NIfTI file, the DICOM files of one series (any order; sorted by position), or the
 *                DICOM files holding a study's planar views (any order; sorted by view)
 * @param role    what the channel does for geometry and normalisation
 */
public record ChannelSource(String name, String unit, Format format, List<String> paths, Role role)
    implements Serializable {

  /**
   * File format of a channel or label: a NIfTI file, a DICOM image series (assembled by position),
   * DICOM planar views (NM whole-body scans: one or several files whose frames are views), a
   * DICOM structure set or segmentation.
   */
  public enum Format { NIFTI, DICOM_SERIES, DICOM_PLANAR, DICOM_RTSTRUCT, DICOM_SEG }

  /** The part a channel plays. */
  public enum Role {
    /** PET already in SUV (autoPET {@code SUV.nii.gz}, DICOM with Units=GML). Defines the grid. */
    PET_SUV,
    /** PET to be normalised to SUV from its DICOM headers. Defines the grid. */
    PET_RAW,
    /** CT in HU, resampled onto the reference grid (air outside its field of view). */
    CT,
    /** Any other channel, resampled onto the reference grid (0 outside). */
    OTHER
  }

  public ChannelSource {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("channel " + name + " has no file");
    }
  }

  /** True for the channel whose grid all others are resampled onto. */
  public boolean definesGrid() {
    return role == Role.PET_SUV || role == Role.PET_RAW;
  }
}
