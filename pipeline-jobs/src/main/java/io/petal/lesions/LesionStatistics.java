package io.petal.lesions;

import java.io.Serializable;

/**
 * The measurements of one lesion (a connected component of a mask); see
 * {@link io.petal.schema.LesionsTable} for the definitions.
 *
 * @param lesionId 1.. in the order of the lesion's first voxel (x fastest)
 * @param voxels number of voxels
 * @param volumeMl voxels × voxel volume, mL
 * @param suvMax maximum SUV over the lesion
 * @param suvMean mean SUV over the lesion
 * @param suvPeak highest mean SUV of a 1 mL sphere centred in the lesion ({@link SuvPeak})
 * @param ctMeanHu mean CT value over the lesion, HU; null without a CT channel
 * @param centroidMm mean of the voxel centres, patient LPS+ mm {x, y, z}
 * @param box the inclusive voxel-index bounding box
 * @param extentMm the box's size along index axes i, j, k, mm
 */
public record LesionStatistics(int lesionId, int voxels, double volumeMl, double suvMax, double suvMean,
    double suvPeak, Double ctMeanHu, double[] centroidMm, IndexBox box, double[] extentMm) implements Serializable {

  /** Metabolic tumour volume, mL: the lesion's volume (no SUV threshold inside the mask). */
  public double mtvMl() {
    return volumeMl;
  }

  /** Total lesion glycolysis: SUVmean × MTV, SUV·mL. */
  public double tlg() {
    return suvMean * volumeMl;
  }
}
