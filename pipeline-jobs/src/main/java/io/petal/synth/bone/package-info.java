/**
 * The built-in synthetic whole-body bone scan cohort (Tc-99m diphosphonate, planar anterior and
 * posterior views; pure Java, a Spark job wraps it).
 *
 * <p>Entry point: {@link io.petal.synth.bone.BoneScanCohort#patient} returns a
 * {@link io.petal.synth.bone.BoneScanStudy}: counts and metastasis labels on the planar grid of
 * {@link io.petal.synth.bone.BoneScanConfig} (both views in the anterior orientation), with one
 * {@link io.petal.synth.bone.BoneLesionFinding} per metastasis and the unlabelled
 * {@link io.petal.synth.bone.IncidentalFinding}s. {@link io.petal.synth.bone.WholeBodyNmFile}
 * writes a study as one DICOM NM file; {@link io.petal.synth.bone.BoneScanPreview} draws it.
 *
 * <p>How a scan is made, each stage from its own seeded stream: a body (height, width, thickness,
 * uptake of skeleton, soft tissue, kidneys, bladder) and its tracer sources — skull, vertebrae,
 * ribs, pelvis and limbs as ellipsoids and cylinders in projection; benign uptake in some patients;
 * metastases in abnormal ones; per view, path length × concentration × attenuation by depth;
 * collimator blur; Poisson counts.
 */
package io.petal.synth.bone;
