package io.petal.models;

import java.util.List;

/**
 * Losses of one training step, in normalised units (see {@link ChannelScaling}).
 *
 * @param total the value minimised: the masked branch's term + contextLossWeight × each other term
 * @param branches per branch (layout order, {@link ModelChannels#groups()}), its reconstruction
 *     loss over body pixels (hidden pixels of the masked branch weighted by hiddenLossWeight);
 *     PET/CT: PET, then CT
 */
public record StepLoss(double total, List<Double> branches) {
  public StepLoss {
    branches = List.copyOf(branches);
  }
}
