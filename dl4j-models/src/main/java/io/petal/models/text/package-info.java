/**
 * Report-text fusion for segmentation (docs/methods.md §2 of the shared design documents): a
 * script-independent tokenizer ({@link io.petal.models.text.ReportTokenizer}: words and character
 * n-grams, so Chinese needs no word splitting), a TF-IDF vocabulary fitted on the training
 * patients' reports ({@link io.petal.models.text.ReportVocabulary}, stored in the model zip), and
 * the small trained text network that conditions the U-Net's decoder by FiLM
 * ({@link io.petal.models.text.TextConditioning}, settings in
 * {@link io.petal.models.text.TextFusionConfig}).
 */
package io.petal.models.text;
