package io.petal.synth;

import io.petal.image.ImageGrid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts synthetic lesions into one patient's noise-free activity map (SUV), noisy CT (HU) and
 * tissue map, following the synthetic-tumour method (methods.md §4): location avoiding vessels
 * ({@link LesionPlacer}), mass effect ({@link MassEffect}), shape ({@link LesionShape}), texture
 * ({@link LesionTexture}), pasting into PET (hot) and CT (the site's {@link CtCorrelate}) with a
 * capsule (density added to the rim band {@link #CAPSULE_LOWER} &lt; t'' &lt; {@link #CAPSULE_UPPER}).
 *
 * <p>A lesion's label is the 0.5 level of its soft mask, clipped to the site's tissue minus the
 * vessel mask (so no vessel voxel is ever inside a lesion, nor pasted over), reduced to
 * the 6-connected part holding its centre, and — the tiny-lesion rule — completed with the
 * site's voxels nearest its centre until it has {@link #MIN_LESION_VOXELS} voxels; radii are
 * also raised to {@link #minimumRadiusMm} so that this rarely matters. Lymph-node lesions relabel
 * their voxels as lymph node. Lesions are numbered 1.. in {@link #labels()}.
 */
final class LesionSynthesizer {
  private static final Logger LOG = LoggerFactory.getLogger(LesionSynthesizer.class);

  /** Fewest voxels of a lesion label. */
  static final int MIN_LESION_VOXELS = 4;
  /** A lesion's mean uptake is at least this multiple of its background tissue's. */
  static final double MIN_CONTRAST = 1.8;
  /** γmax of the mass effect relative to the largest half-axis (1.25 r). */
  static final double MASS_EFFECT_RANGE = 2.0;
  /** Relative standard deviation of the lesion's uptake texture. */
  static final double PET_TEXTURE_SD = 0.20;
  /** Standard deviation of the lesion's density texture (HU). */
  static final double CT_TEXTURE_SD_HU = 12;
  /** Necrotic core: lesions at least this large (nominal radius, mm) may have one. */
  static final double NECROSIS_MIN_RADIUS_MM = 15;
  static final double NECROSIS_PROBABILITY = 0.4;
  /** Uptake lost at the centre of a necrotic core, and the density lost there (HU). */
  static final Range NECROSIS_DEPTH = new Range(0.5, 0.8);
  static final double NECROSIS_HU = 15;
  /** The capsule band of the soft mask t''. */
  static final double CAPSULE_LOWER = 0.2;
  static final double CAPSULE_UPPER = 0.8;

  /** A lesion as inserted, before it is measured on the final images. */
  record Inserted(int label, LesionSite site, String region, SizeLevel level, double radiusMm,
      CtCorrelate ctCorrelate, double massEffect) {}

  private final TissueCanvas anatomy;
  private final ImageGrid grid;
  private final float[] activity;
  private final float[] ct;
  private final Physiology phys;
  private final SplittableRandom rng;
  private final LesionPlacer placer;
  private final boolean[] vessels;
  private final byte[] labels;

  /**
   * @param anatomy the tissue map (changed: mass effect, node relabelling)
   * @param activity the noise-free uptake (SUV, changed)
   * @param ct the noisy CT (HU, changed)
   * @param vessels the vessel mask of the CT before insertion ({@link VesselMask})
   */
  LesionSynthesizer(TissueCanvas anatomy, float[] activity, float[] ct, boolean[] vessels,
      Physiology phys, SplittableRandom rng) {
    this.anatomy = anatomy;
    this.grid = anatomy.grid();
    this.activity = activity;
    this.ct = ct;
    this.phys = phys;
    this.rng = rng;
    this.vessels = vessels;
    this.placer = new LesionPlacer(anatomy, DistanceMap.distanceMm(vessels, grid));
    this.labels = new byte[activity.length];
  }

  /** The lesion number of every voxel (0 = none), x-fastest. */
  byte[] labels() {
    return labels;
  }

  /**
   * The smallest nominal radius (mm) on {@code grid}: a sphere of this radius holds
   * {@link #MIN_LESION_VOXELS} voxels' volume.
   */
  static double minimumRadiusMm(ImageGrid grid) {
    double voxelMm3 = grid.voxelVolumeMl() * 1000;
    return Math.cbrt(3 * MIN_LESION_VOXELS * voxelMm3 / (4 * Math.PI));
  }

  /** Inserts up to {@code count} lesions (fewer when no place is found) and lists them. */
  List<Inserted> insert(int count) {
    List<Inserted> out = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      SizeLevel level = SizeLevel.values()[rng.nextInt(SizeLevel.values().length)];
      List<LesionSite> sites = siteOrder(level);
      Inserted lesion = null;
      for (int lv = level.ordinal(); lv >= 0 && lesion == null; lv--) {
        SizeLevel tryLevel = SizeLevel.values()[lv];
        double r = Math.max(tryLevel.drawRadius(rng), minimumRadiusMm(grid));
        for (LesionSite site : sites) {
          if (site.largest().compareTo(tryLevel) < 0) {
            continue;
          }
          LesionPlacer.Placement at = placer.find(site, r, rng);
          if (at != null) {
            lesion = insertAt(out.size() + 1, site, tryLevel, r, at);
            break;
          }
        }
      }
      if (lesion == null) {
        LOG.warn("no place found for lesion {} of {} (size level {} and smaller)", n + 1, count,
            level);
      } else {
        out.add(lesion);
      }
    }
    return out;
  }

  /** Sites that fit the level, in a random order weighted by {@link LesionSite#weight()}. */
  private List<LesionSite> siteOrder(SizeLevel level) {
    List<LesionSite> pool = new ArrayList<>();
    for (LesionSite s : LesionSite.values()) {
      if (s.largest().compareTo(level) >= 0) {
        pool.add(s);
      }
    }
    List<LesionSite> order = new ArrayList<>();
    while (!pool.isEmpty()) {
      double total = pool.stream().mapToDouble(LesionSite::weight).sum();
      double x = rng.nextDouble() * total;
      int pick = 0;
      while (pick < pool.size() - 1 && (x -= pool.get(pick).weight()) > 0) {
        pick++;
      }
      order.add(pool.remove(pick));
    }
    // smaller levels may fall back to any site
    for (LesionSite s : LesionSite.values()) {
      if (!order.contains(s)) {
        order.add(s);
      }
    }
    return order;
  }

  private Inserted insertAt(int label, LesionSite site, SizeLevel level, double r,
      LesionPlacer.Placement at) {
    Vec3 centre = at.centre();
    double strength = site.maxMassEffect() * rng.nextDouble();
    MassEffect.apply(grid, centre, MASS_EFFECT_RANGE * LesionShape.HALF_AXIS_FACTOR.hi() * r,
        strength, new float[][] {activity, ct}, new byte[][] {anatomy.tissue(), labels});
    LesionShape shape = LesionShape.generate(grid, centre, r, rng);
    float[] texture = LesionTexture.generate(grid, shape.box(), rng);
    CtCorrelate correlate = site.drawCtCorrelate(rng);
    double meanHu = correlate.meanHu().draw(rng)
        + (correlate.relative() ? phys.hu(site.background()) : 0);
    double uptake = Math.max(site.uptakeSuv().draw(rng),
        MIN_CONTRAST * phys.suv(site.background()));
    boolean necrotic = r >= NECROSIS_MIN_RADIUS_MM && rng.nextDouble() < NECROSIS_PROBABILITY;
    double necrosis = necrotic ? NECROSIS_DEPTH.draw(rng) : 0;
    boolean[] inLabel = labelOf(shape, site, at.voxel());
    paste(label, site, shape, texture, inLabel, centre, r, uptake, meanHu, correlate.capsuleHu(),
        necrosis);
    return new Inserted(label, site, at.region(), level, r, correlate, strength);
  }

  /** The lesion's label over the shape's box (see the class comment). */
  private boolean[] labelOf(LesionShape shape, LesionSite site, int centreVoxel) {
    VoxelBox b = shape.box();
    float[] alpha = shape.alpha();
    byte[] tissue = anatomy.tissue();
    boolean[] candidate = new boolean[b.size()];
    for (int k = b.k0(); k <= b.k1(); k++) {
      for (int j = b.j0(); j <= b.j1(); j++) {
        for (int i = b.i0(); i <= b.i1(); i++) {
          int n = grid.index(i, j, k);
          int l = b.local(i, j, k);
          candidate[l] = alpha[l] >= 0.5f && labels[n] == 0 && allowed(site, n);
        }
      }
    }
    int ci = centreVoxel % grid.nx();
    int cj = (centreVoxel / grid.nx()) % grid.ny();
    int ck = centreVoxel / grid.sliceSize();
    boolean[] kept = componentOf(candidate, b, b.local(ci, cj, ck));
    completeTinyLabel(kept, b, site, ci, cj, ck);
    return kept;
  }

  /** The 6-connected part of {@code mask} holding {@code seed} (empty if seed is off). */
  private static boolean[] componentOf(boolean[] mask, VoxelBox b, int seed) {
    boolean[] out = new boolean[mask.length];
    if (!mask[seed]) {
      return out;
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    out[seed] = true;
    queue.add(seed);
    int sx = 1;
    int sy = b.nx();
    int sz = b.nx() * b.ny();
    while (!queue.isEmpty()) {
      int l = queue.poll();
      int x = l % b.nx();
      int y = (l / b.nx()) % b.ny();
      int z = l / sz;
      int[][] steps = {{x > 0 ? -sx : 0}, {x < b.nx() - 1 ? sx : 0}, {y > 0 ? -sy : 0},
          {y < b.ny() - 1 ? sy : 0}, {z > 0 ? -sz : 0}, {z < b.nz() - 1 ? sz : 0}};
      for (int[] st : steps) {
        int m = l + st[0];
        if (st[0] != 0 && mask[m] && !out[m]) {
          out[m] = true;
          queue.add(m);
        }
      }
    }
    return out;
  }

  /** Adds the site's free voxels nearest the centre until the label has the minimum size. */
  private void completeTinyLabel(boolean[] kept, VoxelBox b, LesionSite site, int ci, int cj,
      int ck) {
    int have = 0;
    for (boolean v : kept) {
      if (v) {
        have++;
      }
    }
    if (have >= MIN_LESION_VOXELS) {
      return;
    }
    byte[] tissue = anatomy.tissue();
    double[] c = grid.affine().apply(ci, cj, ck);
    Integer[] order = IntStream.range(0, kept.length).boxed().toArray(Integer[]::new);
    double[] dist = new double[kept.length];
    for (int l = 0; l < kept.length; l++) {
      int i = b.i0() + l % b.nx();
      int j = b.j0() + (l / b.nx()) % b.ny();
      int k = b.k0() + l / (b.nx() * b.ny());
      double[] p = grid.affine().apply(i, j, k);
      int n = grid.index(i, j, k);
      boolean free = allowed(site, n) && labels[n] == 0;
      dist[l] = free ? Math.hypot(Math.hypot(p[0] - c[0], p[1] - c[1]), p[2] - c[2])
          : Double.POSITIVE_INFINITY;
    }
    Arrays.sort(order, Comparator.comparingDouble(l -> dist[l]));
    for (int o = 0; o < order.length && have < MIN_LESION_VOXELS; o++) {
      int l = order[o];
      if (!kept[l] && Double.isFinite(dist[l])) {
        kept[l] = true;
        have++;
      }
    }
  }

  private void paste(int label, LesionSite site, LesionShape shape, float[] texture,
      boolean[] inLabel, Vec3 centre, double r, double uptake, double meanHu, double capsuleHu,
      double necrosis) {
    VoxelBox b = shape.box();
    float[] alpha = shape.alpha();
    byte[] tissue = anatomy.tissue();
    byte nodeCode = Tissue.LYMPH_NODE.code();
    double noiseHu = phys.ctNoiseHu();
    for (int k = b.k0(); k <= b.k1(); k++) {
      for (int j = b.j0(); j <= b.j1(); j++) {
        for (int i = b.i0(); i <= b.i1(); i++) {
          int n = grid.index(i, j, k);
          int l = b.local(i, j, k);
          boolean mine = inLabel[l];
          if (!mine && (labels[n] != 0 || !allowed(site, n) || alpha[l] <= 0.005f)) {
            continue;
          }
          double a = mine ? Math.max(alpha[l], 0.5) : Math.min(alpha[l], 0.49);
          double[] p = grid.affine().apply(i, j, k);
          double d = Math.hypot(Math.hypot(p[0] - centre.x(), p[1] - centre.y()),
              p[2] - centre.z()) / r;
          double core = necrosis > 0 ? Math.exp(-sq(d / 0.5)) : 0;
          double lesionSuv = uptake * Math.max(0.1, 1 + PET_TEXTURE_SD * texture[l])
              * (1 - necrosis * core);
          double lesionHu = meanHu + CT_TEXTURE_SD_HU * texture[l] + noiseHu * rng.nextGaussian()
              - NECROSIS_HU * core;
          activity[n] = (float) ((1 - a) * activity[n] + a * lesionSuv);
          double capsule = alpha[l] > CAPSULE_LOWER && alpha[l] < CAPSULE_UPPER ? capsuleHu : 0;
          ct[n] = (float) ((1 - a) * ct[n] + a * lesionHu + capsule);
          if (mine) {
            labels[n] = (byte) label;
            if (site == LesionSite.LYMPH_NODE) {
              tissue[n] = nodeCode;
            }
          }
        }
      }
    }
  }

  /** True where a lesion of the site may grow: the site's tissue, not a vessel. */
  private boolean allowed(LesionSite site, int n) {
    return site.isRegionTissue(anatomy.tissue()[n]) && !vessels[n];
  }

  private static double sq(double x) {
    return x * x;
  }
}
