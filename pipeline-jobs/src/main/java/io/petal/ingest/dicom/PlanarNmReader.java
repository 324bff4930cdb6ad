package io.petal.ingest.dicom;

import io.petal.geometry.PlanarViewGrid;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.ChannelReader;
import io.petal.ingest.ChannelSource;
import io.petal.ingest.StudyFiles;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomPixels;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.schema.SlicesTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link ChannelSource.Format#DICOM_PLANAR} channel: the planar views of a whole-body NM
 * study, from one multi-frame file (a dual-head sweep) or one file per view, into a volume on the
 * {@link PlanarViewGrid}: one k index per view, anterior first, counts per pixel (stored values
 * times RescaleSlope plus RescaleIntercept when present). A posterior view is mirrored left–right
 * into the anterior orientation. Each frame's view comes from its headers ({@link NmFrameViews}).
 *
 * <p>Rejected, naming the file: a file that is not DICOM or not Modality NM, a frame without a
 * view, two frames of the same view, views of different sizes or pixel spacings, a missing
 * PixelSpacing.
 */
public final class PlanarNmReader {
  /** Views differ in pixel spacing by at most this (mm) and still share a grid. */
  static final double SPACING_TOLERANCE_MM = 1e-3;
  /** Study order of the views (the grid's k order). */
  static final List<String> VIEW_ORDER = List.of(SlicesTable.ANTERIOR, SlicesTable.POSTERIOR);

  private PlanarNmReader() {}

  /** One frame as read: its view, pixels and geometry. */
  private record Frame(String view, String where, float[] counts, int rows, int columns, double rowSpacingMm,
      double columnSpacingMm) {}

  /** The channel's views on their planar grid, with the view name of each k index. */
  public static ChannelReader.Loaded read(ChannelSource channel, StudyFiles files) throws StudyRejectedException {
    Map<Integer, Frame> byView = new TreeMap<>();
    String frameOfReference = null;
    for (String path : channel.paths()) {
      String name = SlicePlanes.fileName(path);
      try {
        DicomFile file = DicomReader.read(files.get(path), name);
        DicomObject ds = file.dataset();
        String modality = ds.getString(DicomTags.MODALITY, "");
        if (!"NM".equalsIgnoreCase(modality.strip())) {
          throw new StudyRejectedException(name + " has Modality '" + modality + "'; planar views must be NM images");
        }
        if (frameOfReference == null) {
          frameOfReference = ds.getString(DicomTags.FRAME_OF_REFERENCE_UID);
        }
        double[] spacing = pixelSpacing(ds, name);
        DicomPixels pixels = file.pixels();
        for (int f = 0; f < pixels.frames(); f++) {
          String view = NmFrameViews.of(ds, f, pixels.frames(), name);
          String where = pixels.frames() > 1 ? name + " frame " + (f + 1) : name;
          Frame frame = new Frame(view, where, pixels.frame(f), pixels.rows(), pixels.columns(), spacing[0], spacing[1]);
          Frame before = byView.put(VIEW_ORDER.indexOf(view), frame);
          if (before != null) {
            throw new StudyRejectedException("two " + view + " views: " + before.where() + " and " + where);
          }
        }
      } catch (DicomFormatException e) {
        throw new StudyRejectedException(e.getMessage(), e);
      }
    }
    List<Frame> frames = new ArrayList<>(byView.values());
    Frame first = frames.get(0);
    for (Frame f : frames) {
      requireSameGeometry(first, f);
    }
    ImageGrid grid = PlanarViewGrid.of(first.columns(), first.rows(), frames.size(), first.columnSpacingMm(),
        first.rowSpacingMm());
    float[] data = new float[grid.voxelCount()];
    List<String> views = new ArrayList<>();
    for (int k = 0; k < frames.size(); k++) {
      Frame f = frames.get(k);
      float[] counts = f.view().equals(SlicesTable.POSTERIOR) ? PlanarViewGrid.mirrorColumns(f.counts(), f.columns())
          : f.counts();
      System.arraycopy(counts, 0, data, k * grid.sliceSize(), grid.sliceSize());
      views.add(f.view());
    }
    return new ChannelReader.Loaded(new Volume(grid, data), null, frameOfReference, DicomSeriesReader.SOURCE_FORMAT,
        views);
  }

  /** PixelSpacing as {row spacing, column spacing} (mm), both positive. */
  private static double[] pixelSpacing(DicomObject ds, String name) throws DicomFormatException,
      StudyRejectedException {
    double[] s = ds.getDoubles(DicomTags.PIXEL_SPACING);
    if (s.length != 2 || !(s[0] > 0 && s[1] > 0)) {
      throw new StudyRejectedException(name + " has no valid PixelSpacing (0028,0030)"
          + (s.length == 0 ? "" : ", got " + java.util.Arrays.toString(s))
          + ": the views' size in mm is unknown");
    }
    return s;
  }

  private static void requireSameGeometry(Frame a, Frame b) throws StudyRejectedException {
    if (a.rows() != b.rows() || a.columns() != b.columns()
        || Math.abs(a.rowSpacingMm() - b.rowSpacingMm()) > SPACING_TOLERANCE_MM
        || Math.abs(a.columnSpacingMm() - b.columnSpacingMm()) > SPACING_TOLERANCE_MM) {
      throw new StudyRejectedException(String.format(Locale.ROOT,
          "the views differ in size: %s is %dx%d pixels of %.3f x %.3f mm, %s is %dx%d pixels of %.3f x %.3f mm",
          a.where(), a.columns(), a.rows(), a.columnSpacingMm(), a.rowSpacingMm(), b.where(), b.columns(), b.rows(),
          b.columnSpacingMm(), b.rowSpacingMm()));
    }
  }
}
