package io.petal.lesions;

import java.io.Serializable;
import java.util.List;

/**
 * A study's lesion burden on one mask: the {@code lesion_summary} row's numbers.
 *
 * @param lesionCount number of lesions
 * @param voxels lesion voxels in all
 * @param totalMtvMl sum of the lesions' MTV, mL
 * @param totalTlg sum of the lesions' TLG, SUV·mL
 * @param suvMax highest lesion SUVmax, or null without lesions
 */
public record LesionBurden(int lesionCount, long voxels, double totalMtvMl, double totalTlg, Double suvMax)
    implements Serializable {

  public static LesionBurden of(List<LesionStatistics> lesions) {
    long voxels = 0;
    double mtv = 0;
    double tlg = 0;
    Double max = null;
    for (LesionStatistics l : lesions) {
      voxels += l.voxels();
      mtv += l.mtvMl();
      tlg += l.tlg();
      max = max == null ? l.suvMax() : Math.max(max, l.suvMax());
    }
    return new LesionBurden(lesions.size(), voxels, mtv, tlg, max);
  }
}
