package io.petal.models.translate;

/**
 * Losses of one translation training step (before the update), each a mean over the batch.
 *
 * @param generator l1Weight · l1 + adversarialWeight · adversarial, what the generator minimises
 * @param l1 mean |G(x) − y| over target pixels and channels, normalised network units
 * @param adversarial the generator's non-saturating term −log D(x, G(x)), nats per patch
 * @param discriminator ½ (−log D(x, y) − log(1 − D(x, G(x)))), nats per patch
 */
public record TranslationStepLoss(double generator, double l1, double adversarial, double discriminator) {}
