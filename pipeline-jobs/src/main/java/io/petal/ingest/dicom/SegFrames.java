package io.petal.ingest.dicom;

import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomDictionary;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomTags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometry of a DICOM SEG's frames, read from its functional groups: for each frame the
 * item of PerFrameFunctionalGroupsSequence (5200,9230) is used first, then the single item of
 * SharedFunctionalGroupsSequence (5200,9229).
 *
 * <p>Orientation and pixel spacing must be the same for every frame (a stack of parallel planes);
 * each frame needs a position and a segment number.
 *
 * @param rowCos direction of a row (increasing column index), unit vector in LPS+
 * @param colCos direction of a column (increasing row index), unit vector in LPS+
 * @param rowSpacingMm distance between rows (PixelSpacing[0]), mm
 * @param colSpacingMm distance between columns (PixelSpacing[1]), mm
 * @param spacingBetweenSlicesMm SpacingBetweenSlices (0018,0088), mm; NaN when absent
 * @param sliceThicknessMm SliceThickness (0018,0050), mm; NaN when absent
 * @param frames every frame, in pixel data order
 */
record SegFrames(double[] rowCos, double[] colCos, double rowSpacingMm, double colSpacingMm,
    double spacingBetweenSlicesMm, double sliceThicknessMm, List<SegFrame> frames) {
  /** Largest difference of direction cosines, or relative pixel spacing, between frames. */
  private static final double SAME_GEOMETRY_TOLERANCE = 1e-4;

  /**
   * The frames of {@code seg}, which has {@code frameCount} frames.
   *
   * @throws StudyRejectedException when the functional groups are missing, incomplete or give
   *     frames differing orientations or pixel spacings
   */
  static SegFrames read(DicomObject seg, int frameCount)
      throws DicomFormatException, StudyRejectedException {
    String source = seg.source();
    List<DicomObject> perFrame = seg.getSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    if (perFrame.size() != frameCount) {
      throw new StudyRejectedException(source + ": PerFrameFunctionalGroupsSequence has "
          + perFrame.size() + " items for " + frameCount + " frames");
    }
    DicomObject shared = seg.getItem(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, 0);
    double[] orientation = null;
    double[] spacing = null;
    double between = Double.NaN;
    double thickness = Double.NaN;
    List<SegFrame> frames = new ArrayList<>();
    for (int f = 0; f < frameCount; f++) {
      String where = source + ": frame " + (f + 1);
      DicomObject own = perFrame.get(f);
      DicomObject plane = group(own, shared, DicomTags.PLANE_ORIENTATION_SEQUENCE, where);
      double[] o = plane.requireDoubles(DicomTags.IMAGE_ORIENTATION_PATIENT, 6);
      DicomObject measures = group(own, shared, DicomTags.PIXEL_MEASURES_SEQUENCE, where);
      double[] s = measures.requireDoubles(DicomTags.PIXEL_SPACING, 2);
      if (f == 0) {
        orientation = o;
        spacing = s;
        between = measures.getDouble(DicomTags.SPACING_BETWEEN_SLICES, Double.NaN);
        thickness = measures.getDouble(DicomTags.SLICE_THICKNESS, Double.NaN);
      } else {
        requireSame(orientation, o, 1, "ImageOrientationPatient", where);
        requireSame(spacing, s, spacing[0], "PixelSpacing", where);
      }
      double[] position = group(own, shared, DicomTags.PLANE_POSITION_SEQUENCE, where)
          .requireDoubles(DicomTags.IMAGE_POSITION_PATIENT, 3);
      int segment = group(own, shared, DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE, where)
          .requireInt(DicomTags.REFERENCED_SEGMENT_NUMBER);
      frames.add(new SegFrame(f, segment, position));
    }
    if (!(spacing[0] > 0 && spacing[1] > 0)) {
      throw new StudyRejectedException(source + ": PixelSpacing " + Arrays.toString(spacing)
          + " must be positive");
    }
    double[] rowCos = unit(orientation, 0, source);
    double[] colCos = unit(orientation, 3, source);
    double cosine = rowCos[0] * colCos[0] + rowCos[1] * colCos[1] + rowCos[2] * colCos[2];
    if (Math.abs(cosine) > 1e-3) {
      throw new StudyRejectedException(source + ": ImageOrientationPatient "
          + Arrays.toString(orientation) + " has row and column directions that are not"
          + " perpendicular");
    }
    return new SegFrames(rowCos, colCos, spacing[0], spacing[1], between, thickness,
        List.copyOf(frames));
  }

  /** The functional group {@code tag} of a frame: its own, else the shared one. */
  private static DicomObject group(DicomObject own, DicomObject shared, int tag, String where)
      throws DicomFormatException, StudyRejectedException {
    DicomObject item = own.getItem(tag, 0);
    if (item == null && shared != null) {
      item = shared.getItem(tag, 0);
    }
    if (item == null) {
      throw new StudyRejectedException(where + " has no "
          + DicomDictionary.standard().describe(tag) + " functional group, per-frame or shared");
    }
    return item;
  }

  private static void requireSame(double[] first, double[] other, double scale, String what,
      String where) throws StudyRejectedException {
    for (int i = 0; i < first.length; i++) {
      if (Math.abs(first[i] - other[i]) > SAME_GEOMETRY_TOLERANCE * scale) {
        throw new StudyRejectedException(where + " has " + what + " " + Arrays.toString(other)
            + ", frame 1 has " + Arrays.toString(first) + "; frames must form one stack of"
            + " parallel planes");
      }
    }
  }

  private static double[] unit(double[] v, int from, String source)
      throws StudyRejectedException {
    double n = Math.sqrt(v[from] * v[from] + v[from + 1] * v[from + 1] + v[from + 2] * v[from + 2]);
    if (!(n > 1e-6)) {
      throw new StudyRejectedException(source + ": ImageOrientationPatient "
          + Arrays.toString(v) + " has a zero direction");
    }
    return new double[] {v[from] / n, v[from + 1] / n, v[from + 2] / n};
  }
}
