package io.petal.models.seg;

/**
 * Losses of one segmentation training step (before the update).
 *
 * @param total diceWeight · dice + bceWeight · bce, the value minimised
 * @param dice 1 − soft Dice of the centre slices, averaged over the batch's slices with a lesion (0 = perfect)
 * @param bce binary cross-entropy per pixel (lesion pixels weighted by positiveWeight), nats
 */
public record SegmentationStepLoss(double total, double dice, double bce) {}
