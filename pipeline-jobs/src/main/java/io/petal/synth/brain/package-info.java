/**
 * The built-in synthetic brain MRI cohort in the BraTS convention (pure Java; a Spark job wraps
 * it, one task per patient).
 *
 * <p>Entry point: {@link io.petal.synth.brain.BrainMriCohort#patient} returns a
 * {@link io.petal.synth.brain.BrainMriStudy}: T1, T1ce, T2 and FLAIR in arbitrary units and the
 * BraTS label map (1 necrotic/non-enhancing core, 2 oedema, 4 enhancing tumour) on the grid of
 * {@link io.petal.synth.brain.BrainMriConfig}, with a
 * {@link io.petal.synth.brain.BrainTumourFinding} for an abnormal study.
 *
 * <p>How a study is made, each stage from its own seeded stream: a head (scalp, skull with
 * diploë, CSF, cortex with sulci, white matter, deep nuclei, ventricles, choroid plexus) placed
 * and sized per patient; for abnormal patients one glioma (high grade: enhancing rim around
 * necrosis; low grade: non-enhancing core; oedema in white matter); relative signal per tissue
 * and contrast ({@code HeadTissue}) with per-patient variation and texture; blur, bias field,
 * gain and Rician noise per contrast.
 */
package io.petal.synth.brain;
