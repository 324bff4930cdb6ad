package io.petal.ingest.dicom;

import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rasterises the contours of an RT Structure Set (RTSTRUCT) into a label volume on an image grid
 * (typically the PET grid).
 *
 * <p>Each CLOSED_PLANAR contour is mapped into the grid's voxel index space and drawn on the slice
 * nearest to its plane ({@link ContourSlicer}; contours whose plane lies more than half a slice
 * outside the grid are skipped, oblique ones rejected). On each slice the contours of one ROI are
 * filled together at voxel centres by the even-odd rule ({@link EvenOddScanline}), so an inner
 * contour cuts a hole and a contour inside the hole is an island again. POINT, OPEN_PLANAR and
 * OPEN_NONPLANAR contours enclose nothing and are ignored; their number is logged, as is the
 * number of contours outside the grid.
 *
 * <p>The result holds 0 outside every kept ROI and, inside, the label chosen by the
 * {@link RoiSelection}: 1 for the union (default), or the ROINumber of each ROI with
 * {@link RoiSelection#labelledSeparately()} (the higher number wins where ROIs overlap).
 *
 * <p>Every failure is a {@link StudyRejectedException} naming the file and the reason, so ingest
 * can quarantine the study: no ROIContourSequence, malformed ContourData
 * ({@link StructureSetReader}), an unknown ROI name, an oblique contour, or a frame of reference
 * that differs from the image's.
 */
public final class RtStructRasterizer {
  private static final Logger LOG = LoggerFactory.getLogger(RtStructRasterizer.class);

  private RtStructRasterizer() {}

  /** Rasterises the ROIs of {@code rtstruct} selected by {@code selection} onto {@code grid}. */
  public static Volume rasterize(DicomFile rtstruct, ImageGrid grid, RoiSelection selection)
      throws StudyRejectedException {
    return rasterize(rtstruct, grid, selection, null);
  }

  /**
   * As {@link #rasterize(DicomFile, ImageGrid, RoiSelection)}, and first checks that every kept
   * ROI that names its frame of reference names {@code imageFrameOfReferenceUid}, the
   * FrameOfReferenceUID (0020,0052) of the image that defines {@code grid}; null skips the check.
   */
  public static Volume rasterize(DicomFile rtstruct, ImageGrid grid, RoiSelection selection,
      String imageFrameOfReferenceUid) throws StudyRejectedException {
    String source = rtstruct.source();
    List<RtRoi> rois = selection.select(StructureSetReader.read(rtstruct), RtRoi::name, source,
        "ROI");
    requireFrameOfReference(rois, imageFrameOfReferenceUid, source);

    ContourSlicer slicer = new ContourSlicer(grid);
    float[] labels = new float[grid.voxelCount()];
    Tally tally = new Tally();
    for (RtRoi roi : rois) {
      Map<Integer, List<SlicePolygon>> bySlice = placeContours(roi, slicer, source, tally);
      draw(bySlice, grid, labels, selection.labelFor(roi.number()));
    }
    LOG.info("{}: drew {} contour(s) of {} ROI(s) onto a {}x{}x{} grid; ignored {} POINT/OPEN"
        + " contour(s) and {} with fewer than 3 points; skipped {} outside the grid's slices",
        source, tally.drawn, rois.size(), grid.nx(), grid.ny(), grid.nz(), tally.notClosed,
        tally.degenerate, tally.outsideGrid);
    return new Volume(grid, labels);
  }

  /** The closed contours of {@code roi} on their slices, by slice index k. */
  private static Map<Integer, List<SlicePolygon>> placeContours(RtRoi roi, ContourSlicer slicer,
      String source, Tally tally) throws StudyRejectedException {
    Map<Integer, List<SlicePolygon>> bySlice = new TreeMap<>();
    for (RtContour contour : roi.contours()) {
      if (!contour.isClosedPlanar()) {
        tally.notClosed++;
      } else if (contour.pointCount() < 3) {
        tally.degenerate++;
      } else {
        SlicePolygon polygon = slicer.place(contour.pointsMm(), describe(source, roi, contour));
        if (polygon == null) {
          tally.outsideGrid++;
        } else {
          bySlice.computeIfAbsent(polygon.slice(), k -> new ArrayList<>()).add(polygon);
          tally.drawn++;
        }
      }
    }
    return bySlice;
  }

  /** Fills each slice's polygons together (even-odd) and writes {@code label} inside. */
  private static void draw(Map<Integer, List<SlicePolygon>> bySlice, ImageGrid grid,
      float[] labels, float label) {
    boolean[] inside = new boolean[grid.sliceSize()];
    for (Map.Entry<Integer, List<SlicePolygon>> slice : bySlice.entrySet()) {
      Arrays.fill(inside, false);
      EvenOddScanline.fill(slice.getValue(), grid.nx(), grid.ny(), inside);
      int offset = slice.getKey() * grid.sliceSize();
      for (int v = 0; v < inside.length; v++) {
        if (inside[v] && labels[offset + v] < label) {
          labels[offset + v] = label; // a higher label already there is kept
        }
      }
    }
  }

  private static void requireFrameOfReference(List<RtRoi> rois, String imageFrameOfReferenceUid,
      String source) throws StudyRejectedException {
    if (imageFrameOfReferenceUid == null) {
      return;
    }
    for (RtRoi roi : rois) {
      String own = roi.frameOfReferenceUid();
      if (own != null && !own.equals(imageFrameOfReferenceUid)) {
        throw new StudyRejectedException(source + ": ROI " + roi.number() + " '" + roi.name()
            + "' is drawn in frame of reference " + own + ", the image is in "
            + imageFrameOfReferenceUid + "; the contours cannot be placed on its grid");
      }
    }
  }

  private static String describe(String source, RtRoi roi, RtContour contour) {
    return source + ": ROI " + roi.number() + " '" + roi.name() + "' contour " + contour.number();
  }

  /** What happened to the contours, for the log line. */
  private static final class Tally {
    int drawn;
    int notClosed;
    int degenerate;
    int outsideGrid;
  }
}
