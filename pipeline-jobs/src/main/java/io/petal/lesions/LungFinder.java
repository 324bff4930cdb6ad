package io.petal.lesions;

import io.petal.image.ConnectedComponents;
import io.petal.image.Connectivity;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.util.Optional;

/**
 * Finds the lungs' craniocaudal extent on a CT volume (HU), for {@link BodyRegion}.
 *
 * <ol>
 *   <li>Air is every voxel below {@value #AIR_HU} HU.</li>
 *   <li>In each axial slice, air regions (4-connected in the slice) that reach the slice's border
 *       lie outside the body (room air, or beyond the CT's field of view, which ingest fills with
 *       air); the others are air inside the body: lungs, airways, bowel gas.</li>
 *   <li>The inside air is split into 3D components (18-connectivity). A component present in both
 *       the first and the last slice runs through the whole scan (a hollow scanner table, or lungs
 *       filling a chest-only scan) and is never taken. Of the others, the largest is taken as lung
 *       if it holds at least {@value #MIN_LUNG_ML} mL; any other of at least
 *       {@value #OTHER_LUNG_FRACTION} of its volume joins it (the other lung where the airways do
 *       not connect them at this resolution); smaller ones (bowel gas) do not.</li>
 *   <li>The airways join the lungs to the air of the throat, mouth and nose, so the lungs are the
 *       run of slices around the widest cross-section of the chosen air in which the
 *       cross-section stays at least {@value #WIDE_FRACTION} of the widest (the trachea's is
 *       about 1 %).</li>
 *   <li>No lungs are reported when that run reaches the first or the last slice: the field of
 *       view cuts the lungs, so their extent is unknown.</li>
 * </ol>
 */
public final class LungFinder {
  /** Voxels below this are air (lung parenchyma is about -900..-700 HU), HU. */
  public static final float AIR_HU = -400f;
  /** Smallest lung volume accepted, mL. */
  public static final double MIN_LUNG_ML = 200;
  /** A second air component joins the largest when it has at least this share of its volume. */
  public static final double OTHER_LUNG_FRACTION = 0.3;
  /** Slices whose lung cross-section is below this share of the widest one are airways, not lungs. */
  public static final double WIDE_FRACTION = 0.05;

  private LungFinder() {}

  /** The lungs' extent on {@code ctHu}, or empty when no lungs are found whole in the scan. */
  public static Optional<LungExtent> find(Volume ctHu) {
    ImageGrid g = ctHu.grid();
    ConnectedComponents cc = ConnectedComponents.of(insideAir(ctHu.data(), g), g.nx(), g.ny(), g.nz(),
        Connectivity.EDGE);
    int[] labels = cc.labels();
    boolean[] inFirst = new boolean[cc.count() + 1];
    boolean[] inLast = new boolean[cc.count() + 1];
    int plane = g.sliceSize();
    for (int p = 0; p < plane; p++) {
      inFirst[labels[p]] = true;
      inLast[labels[(g.nz() - 1) * plane + p]] = true;
    }
    int largest = 0;
    for (int c = 1; c <= cc.count(); c++) {
      boolean throughout = inFirst[c] && inLast[c]; // e.g. a hollow table: never lungs
      if (!throughout && (largest == 0 || cc.size(c) > cc.size(largest))) {
        largest = c;
      }
    }
    if (largest == 0 || cc.size(largest) * g.voxelVolumeMl() < MIN_LUNG_ML) {
      return Optional.empty();
    }
    boolean[] lung = new boolean[cc.count() + 1];
    for (int c = 1; c <= cc.count(); c++) {
      lung[c] = !(inFirst[c] && inLast[c]) && cc.size(c) >= OTHER_LUNG_FRACTION * cc.size(largest);
    }
    int[] area = areaPerSlice(labels, lung, g);
    int widest = 0;
    for (int k = 1; k < g.nz(); k++) {
      if (area[k] > area[widest]) {
        widest = k;
      }
    }
    int first = widest;
    int last = widest;
    double narrow = WIDE_FRACTION * area[widest];
    while (first > 0 && area[first - 1] >= narrow) {
      first--;
    }
    while (last < g.nz() - 1 && area[last + 1] >= narrow) {
      last++;
    }
    if (first == 0 || last == g.nz() - 1) {
      return Optional.empty(); // the field of view cuts the lungs
    }
    return extent(labels, lung, g, first, last);
  }

  /** Voxels of the chosen components in each axial slice. */
  private static int[] areaPerSlice(int[] labels, boolean[] lung, ImageGrid g) {
    int plane = g.sliceSize();
    int[] area = new int[g.nz()];
    for (int v = 0; v < labels.length; v++) {
      if (lung[labels[v]]) {
        area[v / plane]++;
      }
    }
    return area;
  }

  /** Air voxels not connected, within their slice, to the slice's border. */
  private static boolean[] insideAir(float[] hu, ImageGrid g) {
    int plane = g.sliceSize();
    boolean[] inside = new boolean[g.voxelCount()];
    boolean[] air = new boolean[plane];
    for (int k = 0; k < g.nz(); k++) {
      for (int p = 0; p < plane; p++) {
        air[p] = hu[k * plane + p] < AIR_HU;
      }
      ConnectedComponents regions = ConnectedComponents.of(air, g.nx(), g.ny(), 1, Connectivity.FACE);
      boolean[] outside = borderLabels(regions.labels(), g.nx(), g.ny(), regions.count());
      int[] labels = regions.labels();
      for (int p = 0; p < plane; p++) {
        inside[k * plane + p] = labels[p] != 0 && !outside[labels[p]];
      }
    }
    return inside;
  }

  /** Per label (index = label): true when the region has a voxel on the slice's border. */
  private static boolean[] borderLabels(int[] labels, int nx, int ny, int count) {
    boolean[] border = new boolean[count + 1];
    for (int i = 0; i < nx; i++) {
      border[labels[i]] = true;
      border[labels[(ny - 1) * nx + i]] = true;
    }
    for (int j = 0; j < ny; j++) {
      border[labels[j * nx]] = true;
      border[labels[j * nx + nx - 1]] = true;
    }
    return border;
  }

  /** Patient z extremes of the chosen voxels in slices {@code first..last}. */
  private static Optional<LungExtent> extent(int[] labels, boolean[] lung, ImageGrid g, int first, int last) {
    double[] m = g.affine().rowMajor3x4();
    double top = Double.NEGATIVE_INFINITY;
    double bottom = Double.POSITIVE_INFINITY;
    for (int k = first; k <= last; k++) {
      int v = k * g.sliceSize();
      for (int j = 0; j < g.ny(); j++) {
        for (int i = 0; i < g.nx(); i++, v++) {
          if (lung[labels[v]]) {
            double z = m[8] * i + m[9] * j + m[10] * k + m[11];
            top = Math.max(top, z);
            bottom = Math.min(bottom, z);
          }
        }
      }
    }
    return top > bottom ? Optional.of(new LungExtent(top, bottom)) : Optional.empty();
  }
}
