package io.petal.models;

/**
 * Losses of one training step, in normalised units (see {@link InputNormalisation}).
 *
 * @param total pet + ctLossWeight · ct, the value minimised
 * @param pet PET reconstruction loss over body pixels (hidden pixels weighted by hiddenLossWeight)
 * @param ct CT reconstruction loss over body pixels
 */
public record StepLoss(double total, double pet, double ct) {}
