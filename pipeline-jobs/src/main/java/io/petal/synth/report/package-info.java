/**
 * Free-text reports of the synthetic PET/CT, brain MRI and bone scan studies, in English or Chinese
 * ({@link io.petal.synth.report.ReportLanguage}: a fixed share of a cohort), consistent with the
 * lesions (site, size, intensity or enhancement) and imperfect like real ones: lesions or sizes
 * sometimes left out, measurement error, varied phrasing and order. Each patient's report draws
 * from its own stream ({@link io.petal.synth.report.ReportSeeds}).
 */
package io.petal.synth.report;
