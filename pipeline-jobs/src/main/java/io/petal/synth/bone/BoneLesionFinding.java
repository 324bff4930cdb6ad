package io.petal.synth.bone;

/**
 * One synthetic bone metastasis as a report describes it.
 *
 * @param site           where it lies
 * @param diameterMm     its largest diameter in projection (mm)
 * @param uptakeRatio    counts at its centre over the counts there without it (noise-free, the
 *                       higher of the two views)
 * @param xMm            centre, patient x (mm, + to the patient's left)
 * @param zMm            centre, patient z on the study grid (mm; the top row is z = 0)
 * @param labelledPixels pixels of its label in one view
 */
public record BoneLesionFinding(SkeletalSite site, double diameterMm, double uptakeRatio, double xMm, double zMm,
    int labelledPixels) implements java.io.Serializable {}
