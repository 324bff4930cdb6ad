package io.petal.ingest;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.dicom.DicomLabelReader;
import io.petal.ingest.dicom.DicomSeriesReader;
import io.petal.ingest.dicom.PlanarNmReader;
import java.util.function.IntFunction;

/**
 * The {@link ChannelReader} for every supported format: NIfTI files here; DICOM image series
 * through {@link DicomSeriesReader} (PET normalised to SUV from its headers, whatever the role
 * PET_SUV or PET_RAW says: Units GML give factor 1); planar NM views through {@link PlanarNmReader};
 * RTSTRUCT/SEG through the DICOM label readers.
 */
public final class FormatChannelReader implements ChannelReader {
  /** SUV rule recorded for inputs that are already in SUV. */
  static final String ALREADY_SUV = "input already in SUV (factor 1)";

  /** Supplies the voxel arrays of NIfTI images. */
  private final IntFunction<float[]> voxelArrays;

  /** A reader that allocates a new array per NIfTI image. */
  public FormatChannelReader() {
    this(float[]::new);
  }

  /**
   * A reader that takes the voxel arrays of NIfTI images from {@code voxelArrays} (see
   * {@link io.petal.io.nifti.NiftiReader#read(java.io.InputStream, String, IntFunction)}).
   */
  public FormatChannelReader(IntFunction<float[]> voxelArrays) {
    this.voxelArrays = voxelArrays;
  }

  @Override
  public Loaded read(ChannelSource c, StudyFiles files) throws StudyRejectedException {
    switch (c.format()) {
      case NIFTI -> {
        if (c.role() == ChannelSource.Role.PET_RAW) {
          throw new StudyRejectedException(StudyLoader.describe(c) + " is a NIfTI PET without SUV: NIfTI has no "
              + "dose, weight or timing headers, so give an SUV image (manifest column 'suv') or the DICOM series");
        }
        String path = c.paths().get(0);
        Volume v = StudyLoader.readNifti(files.get(path), path, voxelArrays);
        LoadedStudy.SuvNormalisation suv = c.role() == ChannelSource.Role.PET_SUV
            ? new LoadedStudy.SuvNormalisation(1.0, ALREADY_SUV, null) : null;
        return new Loaded(v, suv, null, "nifti");
      }
      case DICOM_SERIES -> {
        try {
          return DicomSeriesReader.read(c, files);
        } catch (StudyRejectedException e) {
          throw new StudyRejectedException(StudyLoader.describe(c) + ": " + e.getMessage(), e);
        }
      }
      case DICOM_PLANAR -> {
        try {
          return PlanarNmReader.read(c, files);
        } catch (StudyRejectedException e) {
          throw new StudyRejectedException(StudyLoader.describe(c) + ": " + e.getMessage(), e);
        }
      }
      default -> throw new StudyRejectedException(StudyLoader.describe(c) + ": format " + c.format()
          + " is not supported for image channels");
    }
  }

  @Override
  public Volume readLabel(LabelSource l, StudyFiles files, ImageGrid referenceGrid, String referenceFrameOfReference)
      throws StudyRejectedException {
    return switch (l.format()) {
      case NIFTI -> StudyLoader.readNifti(files.get(l.paths().get(0)), l.paths().get(0), voxelArrays);
      case DICOM_RTSTRUCT, DICOM_SEG -> DicomLabelReader.read(l, files, referenceGrid, referenceFrameOfReference);
      default -> throw new StudyRejectedException("label " + l.name() + ": format " + l.format() + " is not supported");
    };
  }
}
