package io.petal.synth;

/**
 * One inserted lesion, measured on the final study.
 *
 * @param label the lesion's number (1-based, in insertion order)
 * @param site the organ class it grew in
 * @param region a finer place: the organ, or the lymph-node station (e.g. "axillary left")
 * @param level its size level
 * @param radiusMm its nominal radius r (mm), after the grid minimum was applied
 * @param ctCorrelate its appearance on CT
 * @param centroidLps the centroid of its SEG voxels in patient LPS (mm)
 * @param voxelCount its number of SEG voxels
 * @param volumeMl its volume (mL)
 * @param suvMax the highest SUV over its voxels
 * @param suvPeak the highest mean SUV in a 1 mL sphere centred on one of its voxels (SUV)
 * @param massEffect the strength I (0..100) of the mass effect applied around it
 */
public record LesionDescriptor(int label, LesionSite site, String region, SizeLevel level,
    double radiusMm, CtCorrelate ctCorrelate, Vec3 centroidLps, int voxelCount, double volumeMl,
    double suvMax, double suvPeak, double massEffect) {

  /** The radius (mm) of the sphere with the lesion's volume. */
  public double equivalentRadiusMm() {
    return Math.cbrt(3 * volumeMl * 1000 / (4 * Math.PI));
  }
}
