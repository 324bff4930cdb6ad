package io.petal.ingest.dicom;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomPixels;
import io.petal.io.dicom.DicomTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles the files of one DICOM image series, in any order, into a {@link DicomSeries}: the
 * planes of every file ({@link SlicePlanes}: classic single-frame files or enhanced multi-frame
 * files) are stacked by position ({@link SliceStack}) and each plane's pixels are rescaled with its
 * own RescaleSlope/RescaleIntercept ({@link DicomPixels#frame}).
 */
public final class DicomSeriesAssembler {
  private DicomSeriesAssembler() {}

  /**
   * The volume of {@code files}, each read in full.
   *
   * @throws StudyRejectedException naming the file(s) when the files are not one regular stack, the
   *     frames of reference differ, or pixel data cannot be decoded
   */
  public static DicomSeries assemble(List<DicomFile> files) throws StudyRejectedException {
    if (files.isEmpty()) {
      throw new StudyRejectedException("no DICOM file in the series");
    }
    List<SlicePlane> planes = new ArrayList<>();
    for (int f = 0; f < files.size(); f++) {
      planes.addAll(SlicePlanes.of(files.get(f), f));
    }
    String frameOfReference = commonFrameOfReference(files);
    SliceStack stack = SliceStack.of(planes, singlePlaneSpacing(files.get(0)));
    ImageGrid grid = new ImageGrid(stack.columns(), stack.rows(), stack.planes().size(), stack.affine());
    float[] data = new float[grid.voxelCount()];
    DicomPixels[] pixels = new DicomPixels[files.size()];
    int k = 0;
    for (SlicePlane p : stack.planes()) {
      int f = p.fileIndex();
      try {
        if (pixels[f] == null) {
          pixels[f] = files.get(f).pixels();
        }
        if (pixels[f].rows() != p.rows() || pixels[f].columns() != p.columns()) {
          throw new StudyRejectedException(p.source() + ": pixel data is " + pixels[f].columns() + "x"
              + pixels[f].rows() + " but the header says " + p.columns() + "x" + p.rows());
        }
        System.arraycopy(pixels[f].frame(p.frame()), 0, data, k++ * grid.sliceSize(), grid.sliceSize());
      } catch (DicomFormatException e) {
        throw new StudyRejectedException(e.getMessage(), e);
      }
    }
    return new DicomSeries(new Volume(grid, data), frameOfReference, stack.planes());
  }

  /** The FrameOfReferenceUID every file states; files that state none are not counted. */
  private static String commonFrameOfReference(List<DicomFile> files) throws StudyRejectedException {
    String common = null;
    String commonFile = null;
    for (DicomFile f : files) {
      String uid = string(f.dataset(), DicomTags.FRAME_OF_REFERENCE_UID);
      if (uid == null) {
        continue;
      }
      if (common == null) {
        common = uid;
        commonFile = f.source();
      } else if (!Objects.equals(common, uid)) {
        throw new StudyRejectedException("files " + SlicePlanes.fileName(commonFile) + " and "
            + SlicePlanes.fileName(f.source()) + " of one series are in different frames of reference "
            + "(FrameOfReferenceUID differs)");
      }
    }
    return common;
  }

  /** SpacingBetweenSlices, else SliceThickness (mm), of a single-plane series; 0 when absent. */
  private static double singlePlaneSpacing(DicomFile file) throws StudyRejectedException {
    DicomObject ds = file.dataset();
    try {
      double spacing = ds.getDouble(DicomTags.SPACING_BETWEEN_SLICES, 0);
      return spacing > 0 ? spacing : ds.getDouble(DicomTags.SLICE_THICKNESS, 0);
    } catch (DicomFormatException e) {
      throw new StudyRejectedException(e.getMessage(), e);
    }
  }

  private static String string(DicomObject ds, int tag) throws StudyRejectedException {
    try {
      return ds.getString(tag);
    } catch (DicomFormatException e) {
      throw new StudyRejectedException(e.getMessage(), e);
    }
  }
}
