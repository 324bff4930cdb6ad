package io.petal.synth.brain;

import io.petal.synth.Vec3;

/**
 * One synthetic glioma as measured on its label map: what a report describes.
 *
 * @param leftHemisphere   true in the patient's left hemisphere
 * @param lobe             the lobe (or deep region) of its centre
 * @param highGrade        enhancing rim and necrosis (true), or a non-enhancing core (false)
 * @param coreDiameterMm   largest extent of the tumour core (labels 1 and 4) along the grid axes (mm)
 * @param coreWidthMm      second-largest extent of the core (mm)
 * @param oedemaExtentMm   how far the oedema reaches beyond the core: half the difference of the
 *                         whole-tumour and core largest extents (mm)
 * @param centroidLps      centroid of the whole tumour (patient LPS, mm)
 * @param necroticVoxels   voxels labelled 1
 * @param oedemaVoxels     voxels labelled 2
 * @param enhancingVoxels  voxels labelled 4
 */
public record BrainTumourFinding(boolean leftHemisphere, BrainLobe lobe, boolean highGrade, double coreDiameterMm,
    double coreWidthMm, double oedemaExtentMm, Vec3 centroidLps, int necroticVoxels, int oedemaVoxels,
    int enhancingVoxels) implements java.io.Serializable {}
