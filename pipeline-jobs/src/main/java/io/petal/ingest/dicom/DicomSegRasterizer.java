package io.petal.ingest.dicom;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomPixels;
import io.petal.io.dicom.DicomTags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a DICOM Segmentation (SEG, BINARY or FRACTIONAL) into a label volume on a target grid
 * (typically the PET grid).
 *
 * <p>The frames are placed with their functional groups ({@link SegFrames}: PlanePosition,
 * PlaneOrientation, PixelMeasures, SegmentIdentification per frame or shared) and stacked into
 * the SEG's own grid ({@link SegStack}). Each frame belongs to the segment its
 * ReferencedSegmentNumber names. A pixel is inside its segment when its stored value is non-zero
 * (BINARY) or at least half of MaximumFractionalValue (FRACTIONAL, probability or occupancy
 * ≥ 0.5). That label volume is then resampled onto the target grid by nearest neighbour with the
 * full affine of both ({@link Resampler}); target voxels outside the SEG's field of view are 0.
 *
 * <p>Labels follow the {@link RoiSelection} (segments matched by SegmentLabel): 1 for the union
 * (default), or the SegmentNumber of each segment with {@link RoiSelection#labelledSeparately()}
 * (the higher number wins where segments overlap). Every failure is a
 * {@link StudyRejectedException} naming the file and the reason.
 */
public final class DicomSegRasterizer {
  /** SOP Class UID of Segmentation Storage. */
  public static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
  private static final Logger LOG = LoggerFactory.getLogger(DicomSegRasterizer.class);

  private DicomSegRasterizer() {}

  /** The segments of {@code seg} selected by {@code selection}, on {@code target}. */
  public static Volume rasterize(DicomFile seg, ImageGrid target, RoiSelection selection)
      throws StudyRejectedException {
    return rasterize(seg, target, selection, null);
  }

  /**
   * As {@link #rasterize(DicomFile, ImageGrid, RoiSelection)}, and first checks that the SEG's
   * FrameOfReferenceUID (0020,0052) is {@code imageFrameOfReferenceUid}, the frame of reference of
   * the image that defines {@code target}; null skips the check.
   */
  public static Volume rasterize(DicomFile seg, ImageGrid target, RoiSelection selection,
      String imageFrameOfReferenceUid) throws StudyRejectedException {
    String source = seg.source();
    try {
      DicomObject ds = seg.dataset();
      requireSegmentation(ds, source);
      requireFrameOfReference(ds, imageFrameOfReferenceUid, source);
      List<Segment> declared = segments(ds, source);
      Map<Integer, Float> labels = new HashMap<>();
      for (Segment s : selection.select(declared, Segment::label, source, "segment")) {
        labels.put(s.number(), selection.labelFor(s.number()));
      }
      DicomPixels pixels = seg.pixels();
      SegFrames frames = SegFrames.read(ds, pixels.frames());
      requireDeclared(frames, declared, source);
      SegStack stack = SegStack.of(frames, pixels.columns(), pixels.rows(), source);
      Volume own = paint(stack, frames, pixels, labels, insideThreshold(ds, source));
      LOG.info("{}: {} frame(s) of {} kept segment(s) stacked on a {}x{}x{} grid, resampled onto"
          + " {}x{}x{}", source, frames.frames().size(), labels.size(), stack.grid().nx(),
          stack.grid().ny(), stack.grid().nz(), target.nx(), target.ny(), target.nz());
      return Resampler.resample(own, target, Interpolation.NEAREST, 0f);
    } catch (DicomFormatException e) {
      throw new StudyRejectedException(e.getMessage(), e);
    }
  }

  /** SegmentNumber and SegmentLabel of one item of SegmentSequence. */
  private record Segment(int number, String label) {}

  private static List<Segment> segments(DicomObject ds, String source)
      throws DicomFormatException, StudyRejectedException {
    List<Segment> segments = new ArrayList<>();
    for (DicomObject item : ds.getSequence(DicomTags.SEGMENT_SEQUENCE)) {
      segments.add(new Segment(item.requireInt(DicomTags.SEGMENT_NUMBER),
          item.getString(DicomTags.SEGMENT_LABEL, "")));
    }
    if (segments.isEmpty()) {
      throw new StudyRejectedException(source + ": has no SegmentSequence (0062,0002): the"
          + " segments are not declared");
    }
    return segments;
  }

  /** The smallest stored value that counts as inside a segment. */
  private static int insideThreshold(DicomObject ds, String source)
      throws DicomFormatException, StudyRejectedException {
    String type = ds.getString(DicomTags.SEGMENTATION_TYPE, "");
    if (type.equalsIgnoreCase("BINARY")) {
      return 1;
    }
    if (type.equalsIgnoreCase("FRACTIONAL")) {
      int max = ds.requireInt(DicomTags.MAXIMUM_FRACTIONAL_VALUE);
      if (max <= 0) {
        throw new StudyRejectedException(source + ": MaximumFractionalValue " + max
            + " must be positive");
      }
      return (max + 1) / 2; // stored / max >= 0.5
    }
    throw new StudyRejectedException(source + ": SegmentationType '" + type + "' is not"
        + " supported (BINARY or FRACTIONAL)");
  }

  /** The SEG's own label volume: each kept segment's inside pixels, higher labels winning. */
  private static Volume paint(SegStack stack, SegFrames frames, DicomPixels pixels,
      Map<Integer, Float> labels, int threshold) throws DicomFormatException {
    ImageGrid grid = stack.grid();
    float[] data = new float[grid.voxelCount()];
    for (SegFrame f : frames.frames()) {
      Float label = labels.get(f.segmentNumber());
      if (label == null) {
        continue; // a segment the selection leaves out
      }
      int[] stored = pixels.storedFrame(f.index());
      int offset = stack.sliceOfFrame()[f.index()] * grid.sliceSize();
      for (int v = 0; v < stored.length; v++) {
        if (stored[v] >= threshold && data[offset + v] < label) {
          data[offset + v] = label;
        }
      }
    }
    return new Volume(grid, data);
  }

  private static void requireSegmentation(DicomObject ds, String source)
      throws DicomFormatException, StudyRejectedException {
    String sopClass = ds.getString(DicomTags.SOP_CLASS_UID, "");
    String modality = ds.getString(DicomTags.MODALITY, "");
    if (!SEGMENTATION_STORAGE.equals(sopClass) && !"SEG".equalsIgnoreCase(modality)) {
      throw new StudyRejectedException(source + ": not a DICOM Segmentation (Modality '"
          + modality + "', SOP class '" + sopClass + "')");
    }
  }

  private static void requireFrameOfReference(DicomObject ds, String expected, String source)
      throws DicomFormatException, StudyRejectedException {
    String own = ds.getString(DicomTags.FRAME_OF_REFERENCE_UID);
    if (expected != null && own != null && !own.equals(expected)) {
      throw new StudyRejectedException(source + ": the segmentation is in frame of reference "
          + own + ", the image is in " + expected + "; it cannot be placed on its grid");
    }
  }

  private static void requireDeclared(SegFrames frames, List<Segment> segments, String source)
      throws StudyRejectedException {
    List<Integer> numbers = segments.stream().map(Segment::number).toList();
    for (SegFrame f : frames.frames()) {
      if (!numbers.contains(f.segmentNumber())) {
        throw new StudyRejectedException(String.format(Locale.ROOT,
            "%s: frame %d refers to segment %d, which SegmentSequence does not declare (it"
                + " declares %s)", source, f.index() + 1, f.segmentNumber(), numbers));
      }
    }
  }
}
