package io.petal.synth.brain;

import io.petal.synth.SmoothRandomField;
import io.petal.synth.Vec3;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reference head in its own frame (mm; x left, y posterior, z superior, origin at the brain
 * centre) and the tissue at any point of it, built from ellipsoids and smooth random fields:
 *
 * <ul>
 *   <li>brain: an ellipsoid of semi-axes {@link #BRAIN_SEMI_MM}; its surface undulates by ±2 mm
 *       (a smooth field), beneath it a 3.5 mm cortical ribbon; sulci are the zero sheets of a
 *       second smooth field (14 mm lattice), CSF-filled and lined with grey matter down to 20 mm;
 *       an interhemispheric fissure of CSF above the deep nuclei;</li>
 *   <li>lateral ventricles (body, frontal and occipital horns) and third ventricle, scaled per
 *       patient, with choroid plexus in the trigones; thalami and lentiform/caudate nuclei (deep
 *       grey matter); the rest white matter;</li>
 *   <li>3 mm of CSF between brain and skull, a 7 mm skull whose middle third is marrow (diploë),
 *       5 mm of scalp, air outside.</li>
 * </ul>
 */
final class HeadAnatomy {
  /** Semi-axes of the brain ellipsoid (mm, x, y, z). */
  static final Vec3 BRAIN_SEMI_MM = new Vec3(62, 80, 52);
  static final double CSF_GAP_MM = 3;
  static final double SKULL_MM = 7;
  static final double SCALP_MM = 5;
  static final double CORTEX_MM = 3.5;
  static final double SURFACE_UNDULATION_MM = 2.0;
  static final double SULCUS_DEPTH_MM = 20;
  /** |sulcus field| below this is sulcal CSF, below {@link #SULCAL_GREY} grey matter lining it. */
  static final double SULCAL_CSF = 0.10;
  static final double SULCAL_GREY = 0.50;
  static final double FISSURE_HALF_WIDTH_MM = 1.2;
  /** The fissure reaches this deep below the brain surface, and no lower than this z (mm). */
  static final double FISSURE_DEPTH_MM = 45;
  static final double FISSURE_FLOOR_MM = -20;

  private final double ventricleScale;
  private final SmoothRandomField undulation;
  private final SmoothRandomField sulci;

  HeadAnatomy(double ventricleScale, SplittableRandom rng) {
    this.ventricleScale = ventricleScale;
    Vec3 e = outerSemi();
    this.undulation = new SmoothRandomField(rng, -e.x(), -e.y(), -e.z(), 2 * e.x(), 2 * e.y(), 2 * e.z(), 10);
    this.sulci = new SmoothRandomField(rng, -e.x(), -e.y(), -e.z(), 2 * e.x(), 2 * e.y(), 2 * e.z(), 14);
  }

  /** Semi-axes of the scalp's outer surface (mm): the head's extent. */
  static Vec3 outerSemi() {
    double g = CSF_GAP_MM + SKULL_MM + SCALP_MM;
    return new Vec3(BRAIN_SEMI_MM.x() + g, BRAIN_SEMI_MM.y() + g, BRAIN_SEMI_MM.z() + g);
  }

  /** The brain ellipsoid's normalised radius at {@code q} (1 on its surface). */
  static double brainRadius(Vec3 q) {
    return norm(q, BRAIN_SEMI_MM, 0);
  }

  /** The tissue at head-frame point {@code q} (mm). */
  HeadTissue tissueAt(Vec3 q) {
    double r = Math.sqrt(q.dot(q));
    if (norm(q, BRAIN_SEMI_MM, CSF_GAP_MM + SKULL_MM + SCALP_MM) > 1) {
      return HeadTissue.AIR;
    }
    double skullOuter = norm(q, BRAIN_SEMI_MM, CSF_GAP_MM + SKULL_MM);
    if (skullOuter > 1) {
      return HeadTissue.SCALP;
    }
    double skullInner = norm(q, BRAIN_SEMI_MM, CSF_GAP_MM);
    if (skullInner > 1) {
      double in = r / skullInner;
      double out = r / skullOuter;
      double depth = (r - in) / (out - in);
      return depth > 1 / 3.0 && depth < 2 / 3.0 ? HeadTissue.DIPLOE : HeadTissue.SKULL;
    }
    double rho = brainRadius(q);
    double depth = r * (1 - rho) / Math.max(rho, 1e-9) - SURFACE_UNDULATION_MM * undulation.at(q.x(), q.y(), q.z());
    if (depth < 0) {
      return HeadTissue.CSF;
    }
    HeadTissue deep = deepStructure(q);
    if (deep != null) {
      return deep;
    }
    if (Math.abs(q.x()) < FISSURE_HALF_WIDTH_MM && q.z() > FISSURE_FLOOR_MM && depth < FISSURE_DEPTH_MM) {
      return HeadTissue.CSF;
    }
    if (depth < CORTEX_MM) {
      return HeadTissue.GREY_MATTER;
    }
    if (depth < SULCUS_DEPTH_MM) {
      double s = Math.abs(sulci.at(q.x(), q.y(), q.z()));
      if (s < SULCAL_CSF) {
        return HeadTissue.CSF;
      }
      if (s < SULCAL_GREY) {
        return HeadTissue.GREY_MATTER;
      }
    }
    return HeadTissue.WHITE_MATTER;
  }

  /** Ventricles, choroid plexus and deep grey nuclei at {@code q}, or null. */
  private HeadTissue deepStructure(Vec3 q) {
    if (anyContains(CHOROID_PLEXUS, q, 1)) {
      return HeadTissue.CHOROID_PLEXUS;
    }
    if (anyContains(VENTRICLES, q, ventricleScale)) {
      return HeadTissue.VENTRICLE;
    }
    if (anyContains(DEEP_NUCLEI, q, 1)) {
      return HeadTissue.DEEP_GREY_MATTER;
    }
    return null;
  }

  private static boolean anyContains(List<Blob> blobs, Vec3 q, double widen) {
    for (Blob b : blobs) {
      if (b.contains(q, widen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An axis-aligned ellipsoid of the reference head (centre and semi-axes, mm). A paired one is
   * given for the left side and tested at |x|, so it stands on both sides.
   */
  private record Blob(double cx, double cy, double cz, double ax, double ay, double az, boolean paired) {
    /** True when {@code q} lies inside, the x and z semi-axes times {@code widen}. */
    boolean contains(Vec3 q, double widen) {
      double u = ((paired ? Math.abs(q.x()) : q.x()) - cx) / (ax * widen);
      double w = (q.y() - cy) / ay;
      double t = (q.z() - cz) / (az * widen);
      return u * u + w * w + t * t <= 1;
    }
  }

  /** Choroid plexus in the trigones of the lateral ventricles. */
  private static final List<Blob> CHOROID_PLEXUS = List.of(new Blob(16, 24, 5, 2.5, 5, 3, true));
  /** Lateral ventricles (body, frontal horn, occipital horn) and the third ventricle. */
  private static final List<Blob> VENTRICLES = List.of(new Blob(10, 2, 10, 5, 26, 8, true),
      new Blob(12, -22, 6, 5, 10, 8, true), new Blob(16, 26, 4, 5, 10, 7, true), new Blob(0, 6, -8, 2, 11, 7, false));
  /** Thalami and lentiform/caudate nuclei. */
  private static final List<Blob> DEEP_NUCLEI = List.of(new Blob(11, 10, -6, 9, 13, 8, true),
      new Blob(22, -6, 0, 6, 14, 10, true));

  /** The normalised radius of {@code q} in the ellipsoid of semi-axes {@code semi + grow}. */
  private static double norm(Vec3 q, Vec3 semi, double grow) {
    double u = q.x() / (semi.x() + grow);
    double w = q.y() / (semi.y() + grow);
    double t = q.z() / (semi.z() + grow);
    return Math.sqrt(u * u + w * w + t * t);
  }
}
