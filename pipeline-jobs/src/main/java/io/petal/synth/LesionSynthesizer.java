package io.petal.synth;

import io.petal.image.DistanceMap;
import io.petal.image.ImageGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts synthetic lesions into one patient's noise-free activity map (SUV), noisy CT (HU) and
 * tissue map, following the synthetic-tumour method (methods.md §4): location avoiding vessels
 * ({@link LesionPlacer}), mass effect ({@link MassEffect}), shape ({@link LesionShape}), texture
 * ({@link LesionTexture}), appearance ({@link LesionAppearance}), pasting into PET (hot) and CT
 * (the site's {@link CtCorrelate}) with a capsule (density added to the rim band
 * {@link #CAPSULE_LOWER} &lt; t'' &lt; {@link #CAPSULE_UPPER}).
 *
 * <p>A lesion may only cover its site's tissue outside the vessel mask (so no vessel voxel is
 * ever inside a lesion, nor pasted over) and outside earlier lesions; its label is computed by
 * {@link LesionLabel} with at least {@link #MIN_LESION_VOXELS} voxels, and radii are raised to
 * {@link #minimumRadiusMm} so that the completion rarely matters. Lymph-node lesions relabel
 * their voxels as lymph node. Lesions are numbered 1.. in {@link #labels()}.
 */
final class LesionSynthesizer {
  private static final Logger LOG = LoggerFactory.getLogger(LesionSynthesizer.class);

  /** Fewest voxels of a lesion label. */
  static final int MIN_LESION_VOXELS = 4;
  /** γmax of the mass effect relative to the largest half-axis (1.25 r). */
  static final double MASS_EFFECT_RANGE = 2.0;
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

  /** γmax of the mass effect around a lesion of nominal radius {@code r} (mm). */
  static double massEffectRadiusMm(double r) {
    return MASS_EFFECT_RANGE * LesionShape.HALF_AXIS_FACTOR.hi() * r;
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
          LesionPlacer.Placement at = placer.find(site, r, massEffectRadiusMm(r), rng);
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
    // the placer keeps earlier lesions outside this warp, so their labels never move
    MassEffect.apply(grid, centre, massEffectRadiusMm(r), strength, new float[][] {activity, ct},
        new byte[][] {anatomy.tissue()});
    LesionShape shape = LesionShape.generate(grid, centre, r, rng);
    float[] texture = LesionTexture.generate(grid, shape.box(), rng);
    CtCorrelate correlate = site.drawCtCorrelate(rng);
    LesionAppearance look = LesionAppearance.draw(site, correlate, r, phys, rng);
    boolean[] inLabel = LesionLabel.compute(shape, grid, at.voxel(),
        n -> labels[n] == 0 && allowed(site, n), MIN_LESION_VOXELS);
    paste(label, site, shape, texture, inLabel, centre, r, look);
    return new Inserted(label, site, at.region(), level, r, correlate, strength);
  }

  /**
   * Blends the lesion into the activity map and the CT with the soft mask as weight (label voxels
   * at least 0.5, others below 0.5), adds the capsule to the CT's rim band, and writes the label
   * (and, for lymph nodes, the tissue).
   */
  private void paste(int label, LesionSite site, LesionShape shape, float[] texture,
      boolean[] inLabel, Vec3 centre, double r, LesionAppearance look) {
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
          double lesionHu = look.hu(texture[l], d) + noiseHu * rng.nextGaussian();
          double capsule = alpha[l] > CAPSULE_LOWER && alpha[l] < CAPSULE_UPPER
              ? look.capsuleHu() : 0;
          activity[n] = (float) ((1 - a) * activity[n] + a * look.suv(texture[l], d));
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

}
