package io.petal.ingest.dicom;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.LabelSource;
import io.petal.ingest.StudyFiles;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import java.io.IOException;

/**
 * Reads a DICOM annotation — an RTSTRUCT (contours) or a DICOM SEG (label frames) — onto the
 * study's reference grid, as the union of all its ROIs / segments (label 1). The label source must
 * be exactly one such file; its frame of reference must be the reference image's.
 */
public final class DicomLabelReader {
  private DicomLabelReader() {}

  /**
   * @param referenceFrameOfReference FrameOfReferenceUID of the image that defines {@code grid},
   *                                  or null when it has none (NIfTI)
   */
  public static Volume read(LabelSource label, StudyFiles files, ImageGrid grid, String referenceFrameOfReference)
      throws StudyRejectedException {
    if (label.paths().size() != 1) {
      throw new StudyRejectedException("label " + label.name() + " holds " + label.paths().size()
          + " files; give one RTSTRUCT or SEG file");
    }
    String path = label.paths().get(0);
    String name = path.substring(path.lastIndexOf('/') + 1);
    DicomFile file;
    String modality;
    try {
      file = DicomReader.read(files.get(path), name);
      modality = file.dataset().getString(DicomTags.MODALITY, "");
    } catch (IOException e) {
      throw new StudyRejectedException("label " + label.name() + ": " + e.getMessage(), e);
    }
    return switch (modality) {
      case "RTSTRUCT" -> RtStructRasterizer.rasterize(file, grid, RoiSelection.all(), referenceFrameOfReference);
      case "SEG" -> DicomSegRasterizer.rasterize(file, grid, RoiSelection.all(), referenceFrameOfReference);
      default -> throw new StudyRejectedException("label " + label.name() + " (" + name + ") has modality '" + modality
          + "'; a DICOM label must be an RTSTRUCT or a SEG");
    };
  }
}
