package io.petal.synth;

import io.petal.image.ImageGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The location step of the synthetic-tumour method (methods.md §4, step 1): a random voxel of
 * the site's tissue (for lymph nodes: inside a random {@link NodeStation}), moved by a random
 * sub-voxel offset, rejected while a vessel voxel lies within the nominal radius r of the
 * centre, while the lesion's reach ({@link LesionShape#extentMm extent}, or the reach of its mass
 * effect if larger) would come near an earlier lesion (so earlier lesions are never warped) or its
 * extent near the edge of the grid, or while less than {@link #MIN_INSIDE_FRACTION} of the
 * sphere of radius r around it lies in the site's tissue. (Vessel voxels that the deformed shape
 * reaches beyond r are cut out of the lesion by {@link LesionSynthesizer}.)
 */
final class LesionPlacer {
  /** Candidates tried per site and size before giving up. */
  static final int MAX_TRIES = 300;
  /** Share of the sphere of nominal radius that must lie in the site's tissue. */
  static final double MIN_INSIDE_FRACTION = 0.85;
  /** Gap kept between the reaches of two lesions (mm). */
  static final double LESION_GAP_MM = 6;

  /** A chosen centre (LPS mm) and a human-readable region. */
  record Placement(Vec3 centre, int voxel, String region) {}

  private record Placed(Vec3 centre, double extentMm) {}

  private final TissueCanvas anatomy;
  private final float[] vesselDistanceMm;
  private final Map<LesionSite, int[]> siteCandidates = new EnumMap<>(LesionSite.class);
  private final Map<NodeStation, int[]> stationCandidates = new EnumMap<>(NodeStation.class);
  private final List<Placed> placed = new ArrayList<>();

  LesionPlacer(TissueCanvas anatomy, float[] vesselDistanceMm) {
    this.anatomy = anatomy;
    this.vesselDistanceMm = vesselDistanceMm;
  }

  /**
   * A centre for a lesion of nominal radius {@code r} (mm) at {@code site} whose surroundings up
   * to {@code clearanceMm} are free of earlier lesions, or null.
   */
  Placement find(LesionSite site, double r, double clearanceMm, SplittableRandom rng) {
    double extent = LesionShape.extentMm(r);
    double reach = Math.max(extent, clearanceMm);
    ImageGrid grid = anatomy.grid();
    byte[] tissue = anatomy.tissue();
    double halfDiag = 0.5 * Math.sqrt(sq(grid.spacing(0)) + sq(grid.spacing(1))
        + sq(grid.spacing(2)));
    NodeStation[] stations = NodeStation.values();
    int[][] pools = new int[site == LesionSite.LYMPH_NODE ? stations.length : 1][];
    for (int s = 0; s < pools.length; s++) {
      int[] all = site == LesionSite.LYMPH_NODE ? stationCandidates(stations[s])
          : siteCandidates(site);
      pools[s] = vesselFreeInsideGrid(all, r + halfDiag, extent);
    }
    for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
      int s = rng.nextInt(pools.length);
      int[] candidates = pools[s];
      if (candidates.length == 0) {
        continue;
      }
      int voxel = candidates[rng.nextInt(candidates.length)];
      int i = voxel % grid.nx();
      int j = (voxel / grid.nx()) % grid.ny();
      int k = voxel / grid.sliceSize();
      double[] p = grid.affine().apply(i + rng.nextDouble() - 0.5, j + rng.nextDouble() - 0.5,
          k + rng.nextDouble() - 0.5);
      Vec3 centre = new Vec3(p[0], p[1], p[2]);
      if (!site.isCentreTissue(tissue[voxel])
          || nearEarlierLesion(centre, reach)
          || insideFraction(site, centre, r) < MIN_INSIDE_FRACTION) {
        continue;
      }
      placed.add(new Placed(centre, extent));
      NodeStation station = site == LesionSite.LYMPH_NODE ? stations[s] : null;
      return new Placement(centre, voxel, regionName(site, station, centre));
    }
    return null;
  }

  /**
   * The candidates farther than {@code vesselGap} from every vessel and than {@code edgeGap}
   * from the grid's edges (mm).
   */
  private int[] vesselFreeInsideGrid(int[] candidates, double vesselGap, double edgeGap) {
    ImageGrid g = anatomy.grid();
    int[] out = new int[candidates.length];
    int n = 0;
    for (int voxel : candidates) {
      int i = voxel % g.nx();
      int j = (voxel / g.nx()) % g.ny();
      int k = voxel / g.sliceSize();
      if (vesselDistanceMm[voxel] > vesselGap && insideGrid(g, i, j, k, edgeGap)) {
        out[n++] = voxel;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private boolean nearEarlierLesion(Vec3 centre, double extent) {
    for (Placed q : placed) {
      if (centre.minus(q.centre()).norm() < extent + q.extentMm() + LESION_GAP_MM) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideGrid(ImageGrid g, int i, int j, int k, double extent) {
    int mi = (int) Math.ceil(extent / g.spacing(0)) + 1;
    int mj = (int) Math.ceil(extent / g.spacing(1)) + 1;
    int mk = (int) Math.ceil(extent / g.spacing(2)) + 1;
    return i - mi >= 0 && j - mj >= 0 && k - mk >= 0 && i + mi < g.nx() && j + mj < g.ny()
        && k + mk < g.nz();
  }

  /** Share of the voxels within {@code r} of the centre whose tissue belongs to the site. */
  private double insideFraction(LesionSite site, Vec3 centre, double r) {
    ImageGrid g = anatomy.grid();
    byte[] tissue = anatomy.tissue();
    VoxelBox box = VoxelBox.around(g, centre, r);
    double[] o = g.affine().apply(box.i0(), box.j0(), box.k0());
    double[][] col = new double[3][3];
    for (int a = 0; a < 3; a++) {
      for (int row = 0; row < 3; row++) {
        col[a][row] = g.affine().get(row, a);
      }
    }
    double r2 = r * r;
    int inside = 0;
    int total = 0;
    for (int k = box.k0(); k <= box.k1(); k++) {
      for (int j = box.j0(); j <= box.j1(); j++) {
        int dj = j - box.j0();
        int dk = k - box.k0();
        double x = o[0] + dj * col[1][0] + dk * col[2][0] - centre.x();
        double y = o[1] + dj * col[1][1] + dk * col[2][1] - centre.y();
        double z = o[2] + dj * col[1][2] + dk * col[2][2] - centre.z();
        int n = g.index(box.i0(), j, k);
        for (int i = box.i0(); i <= box.i1(); i++, n++) {
          if (x * x + y * y + z * z <= r2) {
            total++;
            if (site.isRegionTissue(tissue[n])) {
              inside++;
            }
          }
          x += col[0][0];
          y += col[0][1];
          z += col[0][2];
        }
      }
    }
    return total == 0 ? 0 : (double) inside / total;
  }

  private String regionName(LesionSite site, NodeStation station, Vec3 centre) {
    if (station != null) {
      return station.label();
    }
    Vec3 ref = anatomy.frame().toReference(centre);
    String side = ref.x() > 0 ? "left" : "right";
    return switch (site) {
      case LUNG -> side + " lung";
      case BONE -> boneName(ref, side);
      default -> site.name().toLowerCase(Locale.ROOT);
    };
  }

  /** A coarse name of the bone at a reference-frame point (see {@link SkeletonPainter}). */
  private static String boneName(Vec3 ref, String side) {
    double u = Math.abs(ref.x());
    double w = ref.z();
    if (w < 200) {
      return "skull";
    }
    if (w > 870 && u > 60) {
      return side + " proximal femur";
    }
    if (w > 760) {
      return u < 30 ? "sacrum" : side + " pelvis";
    }
    if (u < 35 && ref.y() > 0) {
      return "spine";
    }
    return side + (w < 360 ? " shoulder girdle" : " rib");
  }

  private int[] siteCandidates(LesionSite site) {
    return siteCandidates.computeIfAbsent(site, s -> {
      byte[] tissue = anatomy.tissue();
      int count = 0;
      for (byte t : tissue) {
        if (s.isCentreTissue(t)) {
          count++;
        }
      }
      int[] idx = new int[count];
      int n = 0;
      for (int v = 0; v < tissue.length; v++) {
        if (s.isCentreTissue(tissue[v])) {
          idx[n++] = v;
        }
      }
      return idx;
    });
  }

  private int[] stationCandidates(NodeStation station) {
    return stationCandidates.computeIfAbsent(station, st -> {
      byte[] tissue = anatomy.tissue();
      List<Integer> list = new ArrayList<>();
      Ellipsoid region = st.region();
      anatomy.visit(region.bounds(), (index, u, v, w) -> {
        if (region.contains(u, v, w) && LesionSite.LYMPH_NODE.isCentreTissue(tissue[index])) {
          list.add(index);
        }
      });
      return list.stream().mapToInt(Integer::intValue).toArray();
    });
  }

  private static double sq(double x) {
    return x * x;
  }
}
