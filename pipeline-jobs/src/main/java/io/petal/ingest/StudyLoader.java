package io.petal.ingest;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.io.nifti.NiftiReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Loads a {@link StudySource} into a {@link LoadedStudy}: reads each channel, puts every channel
 * and label on the reference grid (the PET grid) with the full affine of both — trilinear for
 * images, nearest neighbour for labels, also when fields of view differ — and checks the result.
 *
 * <p>Rules:
 * <ul>
 *   <li>the grid-defining channel (PET) must have positive spacing and finite values;</li>
 *   <li>CT outside its own field of view becomes air (-1000 HU), other channels 0;</li>
 *   <li>a NIfTI label map must lie on the grid of one of the study's channels (same size and
 *       affine within {@value #GRID_TOLERANCE_MM} mm), otherwise it is a mismatched mask and the
 *       study is rejected — a label that fits no image cannot be trusted;</li>
 *   <li>labels hold integers 0..255.</li>
 * </ul>
 */
public final class StudyLoader {
  /** Affine entries may differ by this much (mm) and still count as the same grid. */
  static final double GRID_TOLERANCE_MM = 1e-2;
  /** Hounsfield value of air, used outside the CT's field of view. */
  static final float AIR_HU = -1000f;

  private final ChannelReader channelReader;

  public StudyLoader(ChannelReader channelReader) {
    this.channelReader = channelReader;
  }

  /** Loads {@code source} from the already-read {@code files}. */
  public LoadedStudy load(StudySource source, StudyFiles files) throws StudyRejectedException {
    List<ChannelSource> channels = source.channels();
    ChannelSource ref = channels.stream().filter(ChannelSource::definesGrid).findFirst().orElse(channels.get(0));
    List<ChannelReader.Loaded> loaded = new ArrayList<>();
    for (ChannelSource c : channels) {
      ChannelReader.Loaded l = channelReader.read(c, files);
      VolumeChecks.requireSpacing(l.volume().grid(), describe(c));
      VolumeChecks.requireFinite(l.volume(), describe(c));
      loaded.add(l);
    }
    ChannelReader.Loaded refLoaded = loaded.get(channels.indexOf(ref));
    ImageGrid grid = refLoaded.volume().grid();
    requireCommonFrame(channels, loaded);

    List<String> names = new ArrayList<>();
    List<String> units = new ArrayList<>();
    List<Volume> volumes = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      ChannelSource c = channels.get(i);
      Volume v = loaded.get(i).volume();
      names.add(c.name());
      units.add(c.unit());
      float outside = c.role() == ChannelSource.Role.CT ? AIR_HU : 0f;
      if (c != ref) {
        requireOverlap(v.grid(), grid, c.name(), ref.name());
      }
      volumes.add(c == ref ? v : Resampler.resample(v, grid, Interpolation.LINEAR, outside));
    }

    List<String> labelNames = new ArrayList<>();
    List<Volume> labels = new ArrayList<>();
    for (LabelSource l : source.labels()) {
      Volume lab = channelReader.readLabel(l, files, grid, refLoaded.frameOfReference());
      VolumeChecks.requireFinite(lab, l.name() + " (" + fileName(l.paths().get(0)) + ")");
      lab = onReferenceGrid(lab, grid, loaded, l);
      VolumeChecks.requireLabelValues(lab, l.name() + " (" + fileName(l.paths().get(0)) + ")");
      labelNames.add(l.name());
      labels.add(lab);
    }
    return new LoadedStudy(grid, names, units, volumes, labelNames, labels, refLoaded.suv(),
        refLoaded.sourceFormat(), files.contentHash(), refLoaded.views());
  }

  private static Volume onReferenceGrid(Volume lab, ImageGrid grid, List<ChannelReader.Loaded> loaded, LabelSource l)
      throws StudyRejectedException {
    if (lab.grid().sameGeometry(grid, GRID_TOLERANCE_MM)) {
      return lab;
    }
    for (ChannelReader.Loaded c : loaded) {
      if (lab.grid().sameGeometry(c.volume().grid(), GRID_TOLERANCE_MM)) {
        return Resampler.resample(lab, grid, Interpolation.NEAREST, 0f);
      }
    }
    ImageGrid g = lab.grid();
    throw new StudyRejectedException(String.format(Locale.ROOT,
        "label %s (%s) is a %dx%dx%d grid that matches none of the study's images (reference grid %dx%dx%d): "
            + "mismatched mask shape or geometry", l.name(), fileName(l.paths().get(0)), g.nx(), g.ny(), g.nz(),
        grid.nx(), grid.ny(), grid.nz()));
  }

  /** PET and CT from different frames of reference cannot be overlaid. */
  private static void requireCommonFrame(List<ChannelSource> channels, List<ChannelReader.Loaded> loaded)
      throws StudyRejectedException {
    String first = null;
    String firstName = null;
    for (int i = 0; i < loaded.size(); i++) {
      String f = loaded.get(i).frameOfReference();
      if (f == null) {
        continue;
      }
      if (first == null) {
        first = f;
        firstName = channels.get(i).name();
      } else if (!first.equals(f)) {
        throw new StudyRejectedException(firstName + " and " + channels.get(i).name()
            + " are in different frames of reference (FrameOfReferenceUID differs): they cannot be overlaid");
      }
    }
  }

  /** Rejects a channel whose field of view does not touch the reference grid at all. */
  private static void requireOverlap(ImageGrid moving, ImageGrid ref, String movingName, String refName)
      throws StudyRejectedException {
    double[][] a = bounds(moving);
    double[][] b = bounds(ref);
    for (int ax = 0; ax < 3; ax++) {
      if (a[1][ax] < b[0][ax] || b[1][ax] < a[0][ax]) {
        throw new StudyRejectedException(movingName + " and " + refName
            + " do not overlap in patient space (no common field of view)");
      }
    }
  }

  /** Axis-aligned patient-space bounding box (mm) of a grid's voxel centres: [min, max][x, y, z]. */
  private static double[][] bounds(ImageGrid g) {
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int c = 0; c < 8; c++) {
      double[] p = g.affine().apply((c & 1) * (g.nx() - 1), ((c >> 1) & 1) * (g.ny() - 1), ((c >> 2) & 1) * (g.nz() - 1));
      for (int ax = 0; ax < 3; ax++) {
        lo[ax] = Math.min(lo[ax], p[ax]);
        hi[ax] = Math.max(hi[ax], p[ax]);
      }
    }
    return new double[][] {lo, hi};
  }

  static String describe(ChannelSource c) {
    return c.name() + " (" + fileName(c.paths().get(0)) + (c.paths().size() > 1 ? " and " + (c.paths().size() - 1)
        + " more files" : "") + ")";
  }

  /** The last path segment: what error messages show of a file. */
  static String fileName(String path) {
    int s = path.lastIndexOf('/');
    return s >= 0 ? path.substring(s + 1) : path;
  }

  /** Reads NIfTI bytes into an array from {@code voxelArrays}, mapping format errors to a rejection naming the file. */
  static Volume readNifti(byte[] bytes, String path, IntFunction<float[]> voxelArrays) throws StudyRejectedException {
    try {
      return NiftiReader.read(new ByteArrayInputStream(bytes), fileName(path), voxelArrays).volume();
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new StudyRejectedException(m.contains(fileName(path)) ? m : fileName(path) + ": " + m, e);
    }
  }
}
