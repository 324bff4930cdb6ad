/**
 * The built-in synthetic whole-body FDG PET/CT cohort (pure Java; a Spark job wraps it, one task
 * per patient).
 *
 * <p>Entry point: {@link io.petal.synth.SyntheticCohort#patient} returns a
 * {@link io.petal.synth.SyntheticStudy}: SUV, CT (HU), the exact lesion label (SEG), the organ
 * map ({@link io.petal.synth.Organ} codes) and one {@link io.petal.synth.LesionDescriptor} per
 * lesion, all on the grid of {@link io.petal.synth.SynthConfig} (patient LPS, x-fastest).
 * {@link io.petal.synth.PreviewRenderer} and {@link io.petal.synth.PreviewPng} draw a quick-look
 * PNG.
 *
 * <p>How a study is made, in order, each stage drawing from its own seeded stream:
 * <ol>
 *   <li>Anatomy: a reference adult body (head, neck, trunk, thighs; lungs, heart, liver, spleen,
 *       kidneys, ureters, bladder, brain, skeleton, bowel, great vessels, hepatic and pulmonary
 *       vessel trees, lymph-node stations, brown fat in some patients) built from ellipsoids,
 *       tubes and superelliptic profiles, scaled and moved per patient, painted into a tissue
 *       map at voxel centres.</li>
 *   <li>Physiology: per-patient SUV and HU per tissue ({@link io.petal.synth.Physiology} lists
 *       the ranges), with patchy bowel, ureter boluses and textured muscle, marrow, myocardium.</li>
 *   <li>CT noise (white Gaussian).</li>
 *   <li>Lesions (abnormal patients), the synthetic-tumour method of methods.md §4: location
 *       avoiding vessels ({@link io.petal.synth.VesselMask}), mass effect, deformed ellipsoid
 *       with blurred edges, upscaled-noise texture, paste into PET (hot) and CT (site-specific
 *       correlate, capsule); five {@link io.petal.synth.SizeLevel}s in lung, liver, lymph nodes
 *       and bone ({@link io.petal.synth.LesionSite}). The named constants of the lesion classes
 *       are the method's parameters.</li>
 *   <li>PET: PSF blur, signal-dependent noise, clamp at 0.</li>
 * </ol>
 *
 * <p>Tiny lesions on coarse grids: a lesion's nominal radius is raised to the radius of a sphere
 * of four voxels' volume, and its label is completed to at least four voxels (on the default
 * 4 mm grid the minimum radius is 3.9 mm, inside the tiny level).
 *
 * <p>Determinism: a study depends only on (cohort seed, patient index, abnormal, config); the
 * normal and abnormal study of one index share anatomy, physiology and noise.
 *
 * <p>The other study kinds have their generators in {@link io.petal.synth.brain} (brain MRI,
 * BraTS convention) and {@link io.petal.synth.bone} (whole-body bone scans), their reports in
 * {@link io.petal.synth.report}; each kind's settings implement
 * {@link io.petal.synth.SyntheticCohortConfig}.
 */
package io.petal.synth;
