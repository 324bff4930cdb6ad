package io.petal.ingest.dicom;

import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomDictionary;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomTags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@link SlicePlane}s of one DICOM image file: the single plane of a classic image
 * (top-level ImagePositionPatient, ImageOrientationPatient, PixelSpacing), or one plane per frame
 * of an enhanced multi-frame image (PlanePositionSequence, PlaneOrientationSequence and
 * PixelMeasuresSequence of each frame's PerFrameFunctionalGroupsSequence item, falling back to
 * SharedFunctionalGroupsSequence).
 */
final class SlicePlanes {
  /** Direction cosines must be unit length and orthogonal within this. */
  static final double COSINE_TOLERANCE = 1e-3;

  private SlicePlanes() {}

  /**
   * The planes of {@code file}, in frame order.
   *
   * @param fileIndex the file's index in its series, recorded in each plane
   * @throws StudyRejectedException naming the file and the attribute when the geometry is missing
   *     or unusable
   */
  static List<SlicePlane> of(DicomFile file, int fileIndex) throws StudyRejectedException {
    String name = fileName(file.source());
    try {
      DicomObject ds = file.dataset();
      int rows = ds.requireInt(DicomTags.ROWS);
      int columns = ds.requireInt(DicomTags.COLUMNS);
      int frames = ds.getInt(DicomTags.NUMBER_OF_FRAMES, 1);
      List<DicomObject> perFrame = ds.getSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
      List<SlicePlane> out = new ArrayList<>();
      if (perFrame.isEmpty()) {
        if (frames > 1) {
          throw new StudyRejectedException(name + " has " + frames + " frames but no "
              + "PerFrameFunctionalGroupsSequence: a multi-frame image without per-frame positions is not "
              + "supported");
        }
        out.add(plane(fileIndex, 0, name, ds, ds, ds, rows, columns));
        return out;
      }
      if (perFrame.size() != frames) {
        throw new StudyRejectedException(name + ": PerFrameFunctionalGroupsSequence has " + perFrame.size()
            + " items for " + frames + " frames");
      }
      DicomObject shared = ds.getItem(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, 0);
      for (int f = 0; f < frames; f++) {
        DicomObject own = perFrame.get(f);
        out.add(plane(fileIndex, f, name + " frame " + (f + 1),
            macro(own, shared, DicomTags.PLANE_POSITION_SEQUENCE, name, f),
            macro(own, shared, DicomTags.PLANE_ORIENTATION_SEQUENCE, name, f),
            macro(own, shared, DicomTags.PIXEL_MEASURES_SEQUENCE, name, f), rows, columns));
      }
      return out;
    } catch (DicomFormatException e) {
      throw new StudyRejectedException(name + ": " + e.reason(), e);
    }
  }

  private static SlicePlane plane(int fileIndex, int frame, String source, DicomObject position,
      DicomObject orientation, DicomObject measures, int rows, int columns)
      throws DicomFormatException, StudyRejectedException {
    double[] ipp = position.requireDoubles(DicomTags.IMAGE_POSITION_PATIENT, 3);
    double[] iop = orientation.requireDoubles(DicomTags.IMAGE_ORIENTATION_PATIENT, 6);
    double[] spacing = measures.requireDoubles(DicomTags.PIXEL_SPACING, 2);
    double[] row = {iop[0], iop[1], iop[2]};
    double[] col = {iop[3], iop[4], iop[5]};
    if (Math.abs(norm(row) - 1) > COSINE_TOLERANCE || Math.abs(norm(col) - 1) > COSINE_TOLERANCE
        || Math.abs(row[0] * col[0] + row[1] * col[1] + row[2] * col[2]) > COSINE_TOLERANCE) {
      throw new StudyRejectedException(String.format(Locale.ROOT, "%s: ImageOrientationPatient %s is not two "
          + "orthogonal unit vectors", source, Arrays.toString(iop)));
    }
    for (double s : spacing) {
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new StudyRejectedException(String.format(Locale.ROOT, "%s: PixelSpacing %s mm is not positive",
            source, Arrays.toString(spacing)));
      }
    }
    if (rows <= 0 || columns <= 0) {
      throw new StudyRejectedException(source + ": image of " + rows + " rows and " + columns + " columns");
    }
    return new SlicePlane(fileIndex, frame, source, ipp, unit(row), unit(col), spacing[0], spacing[1], rows,
        columns);
  }

  /** The first item of functional group {@code sequence}: the frame's own, else the shared one. */
  private static DicomObject macro(DicomObject frame, DicomObject shared, int sequence, String name, int f)
      throws DicomFormatException, StudyRejectedException {
    DicomObject item = frame.getItem(sequence, 0);
    if (item == null && shared != null) {
      item = shared.getItem(sequence, 0);
    }
    if (item == null) {
      throw new StudyRejectedException(name + " frame " + (f + 1) + " has no "
          + DicomDictionary.standard().describe(sequence) + " functional group (neither per-frame nor shared)");
    }
    return item;
  }

  private static double norm(double[] v) {
    return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  }

  private static double[] unit(double[] v) {
    double n = norm(v);
    return new double[] {v[0] / n, v[1] / n, v[2] / n};
  }

  /** The last path segment of a source name. */
  static String fileName(String source) {
    int s = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return s >= 0 ? source.substring(s + 1) : source;
  }
}
