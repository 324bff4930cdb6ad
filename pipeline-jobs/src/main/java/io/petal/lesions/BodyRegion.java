package io.petal.lesions;

import java.util.Locale;

/**
 * A coarse body region along the body's long axis, placed relative to the lungs, the one landmark
 * Petal finds reliably on CT ({@link LungFinder}). With H the lungs' apex-to-base height:
 * <ul>
 *   <li>{@link #HEAD_NECK}: above the lung apices;</li>
 *   <li>{@link #THORAX}: from the apices down to the lowest lung voxel (the posterior costophrenic
 *       recesses, so the liver dome and upper abdomen under the diaphragm count as thorax);</li>
 *   <li>{@link #ABDOMEN}: down to {@value #ABDOMEN_END_H}·H below the lung bases (about the
 *       iliac crests);</li>
 *   <li>{@link #PELVIS}: down to {@value #PELVIS_END_H}·H below the lung bases (about the ischial
 *       tuberosities);</li>
 *   <li>{@link #LOWER_EXTREMITY}: below.</li>
 * </ul>
 * The factors are rounded adult proportions (lung height ≈ 25–29 cm; lung bases to iliac crests
 * ≈ 12–16 cm; to the ischial tuberosities ≈ 30–35 cm). Only the z position is used: a lesion in an
 * arm held beside the chest counts as thorax.
 */
public enum BodyRegion {
  HEAD_NECK, THORAX, ABDOMEN, PELVIS, LOWER_EXTREMITY;

  /** Lower end of the abdomen below the lung bases, in lung heights. */
  public static final double ABDOMEN_END_H = 0.5;
  /** Lower end of the pelvis below the lung bases, in lung heights. */
  public static final double PELVIS_END_H = 1.2;

  /** The region at patient z {@code zMm} (LPS+, mm) of a body whose lungs span {@code lungs}. */
  public static BodyRegion at(double zMm, LungExtent lungs) {
    if (zMm > lungs.apexZMm()) {
      return HEAD_NECK;
    }
    if (zMm >= lungs.baseZMm()) {
      return THORAX;
    }
    double below = (lungs.baseZMm() - zMm) / lungs.heightMm();
    if (below <= ABDOMEN_END_H) {
      return ABDOMEN;
    }
    return below <= PELVIS_END_H ? PELVIS : LOWER_EXTREMITY;
  }

  /** The name written to the {@code site} column: {@code head_neck}, {@code thorax}, … */
  public String columnValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
