package io.petal.metrics;

import io.petal.synth.SizeLevel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Size strata of lesions by equivalent-sphere radius {@code r = ∛(3V / 4π)} (mm, V in mm³), cut
 * at ascending radii c₁ < … < c_k (mm) into k + 1 strata: r ≤ c₁, c₁ < r ≤ c₂, …, r > c_k
 * (upper ends inclusive, as in {@link SizeLevel}).
 */
public final class SizeStrata implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] cutsMm;
  private final List<String> names;

  /**
   * Strata with the given names, one more than the cut points.
   *
   * @param cutsMm ascending, positive radii in mm
   * @param names the stratum names, smallest first
   */
  public SizeStrata(double[] cutsMm, List<String> names) {
    for (int c = 0; c < cutsMm.length; c++) {
      if (!(cutsMm[c] > 0) || Double.isInfinite(cutsMm[c]) || (c > 0 && !(cutsMm[c] > cutsMm[c - 1]))) {
        throw new IllegalArgumentException("cut radii must be finite, positive and ascending (mm): "
            + Arrays.toString(cutsMm));
      }
    }
    if (names.size() != cutsMm.length + 1) {
      throw new IllegalArgumentException(cutsMm.length + " cut radii need " + (cutsMm.length + 1)
          + " stratum names, got " + names);
    }
    this.cutsMm = cutsMm.clone();
    this.names = List.copyOf(names);
  }

  /**
   * Strata named by their radius range, e.g. cuts {5, 10} give "r<=5mm", "5<r<=10mm", "r>10mm"
   * (no cuts: one stratum "all").
   */
  public static SizeStrata byRadius(double... cutsMm) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c <= cutsMm.length; c++) {
      if (cutsMm.length == 0) {
        names.add("all");
      } else if (c == 0) {
        names.add("r<=" + mm(cutsMm[0]) + "mm");
      } else if (c == cutsMm.length) {
        names.add("r>" + mm(cutsMm[c - 1]) + "mm");
      } else {
        names.add(mm(cutsMm[c - 1]) + "<r<=" + mm(cutsMm[c]) + "mm");
      }
    }
    return new SizeStrata(cutsMm, names);
  }

  /**
   * The five size levels of the synthetic-lesion benchmark ({@link SizeLevel}: TINY r ≤ 5 mm,
   * SMALL ≤ 10, MEDIUM ≤ 15, LARGE ≤ 25, VERY_LARGE above), named after the levels.
   */
  public static SizeStrata sizeLevels() {
    SizeLevel[] levels = SizeLevel.values();
    double[] cuts = new double[levels.length - 1];
    List<String> names = new ArrayList<>();
    for (int l = 0; l < levels.length; l++) {
      if (l < cuts.length) {
        cuts[l] = levels[l].maxRadiusMm();
      }
      names.add(levels[l].name());
    }
    return new SizeStrata(cuts, names);
  }

  /** Radius (mm) of the sphere with volume {@code volumeMl} (mL). */
  public static double equivalentSphereRadiusMm(double volumeMl) {
    return Math.cbrt(3 * volumeMl * 1000 / (4 * Math.PI));
  }

  /** The stratum of a lesion with equivalent-sphere radius {@code radiusMm}. */
  public String stratumOf(double radiusMm) {
    int c = 0;
    while (c < cutsMm.length && radiusMm > cutsMm[c]) {
      c++;
    }
    return names.get(c);
  }

  /** Each lesion's stratum by its volume: lesion label → name, for {@link LesionDetection}. */
  public Map<Integer, String> assign(LesionComponents components) {
    Map<Integer, String> strata = new HashMap<>();
    for (int label = 1; label <= components.lesionCount(); label++) {
      strata.put(label, stratumOf(equivalentSphereRadiusMm(components.lesionVolumeMl(label))));
    }
    return strata;
  }

  /** The cut radii c₁ < … < c_k (mm), a copy; empty for a single stratum. */
  public double[] cutsMm() {
    return cutsMm.clone();
  }

  /** Stratum names, smallest first. */
  public List<String> names() {
    return names;
  }

  private static String mm(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
