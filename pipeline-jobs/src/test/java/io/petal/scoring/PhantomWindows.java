package io.petal.scoring;

import io.petal.geometry.Interpolation;
import io.petal.geometry.Resampler;
import io.petal.image.ImageGrid;
import io.petal.models.AutoencoderConfig;
import io.petal.models.ChannelScaling;
import io.petal.synth.SynthConfig;
import io.petal.synth.SyntheticCohort;
import io.petal.synth.SyntheticStudy;
import io.petal.training.NetworkGrid;
import io.petal.training.NetworkStack;

/**
 * A batch of 2.5D scoring windows cut from one synthetic abnormal whole-body study
 * ({@link SyntheticCohort}, default 128×128×270 grid of 4 mm), resampled onto the network grid of
 * a model configuration as scoring does ({@link NetworkStack}): centre slices spread evenly over
 * the study's slices whose body covers at least 10 % of the plane, so that every window holds
 * anatomy.
 *
 * @param pet [batch, slices, size, size] SUV, x fastest
 * @param ct [batch, slices, size, size] HU, x fastest
 */
record PhantomWindows(float[] pet, float[] ct, int batch) {
  private static final double MIN_BODY_FRACTION = 0.10;

  /** Pixel spacing (mm) at which {@code size} network pixels span the phantom's field of view. */
  static double pixelMmCoveringPhantom(int size) {
    SynthConfig synth = SynthConfig.defaults();
    return synth.nx() * synth.inPlaneSpacingMm() / size;
  }

  /** {@code batch} windows on {@code config}'s network grid (size, pixel spacing, neighbours). */
  static PhantomWindows of(long seed, int batch, AutoencoderConfig config) {
    SyntheticStudy study = SyntheticCohort.patient(seed, 0, true, SynthConfig.defaults());
    int size = config.size();
    int neighbours = config.neighbours();
    ImageGrid grid = NetworkGrid.of(study.suv().grid(), size, config.pixelSpacingMm());
    NetworkStack stack = new NetworkStack(grid, new float[][] {
        Resampler.resample(study.suv(), grid, Interpolation.LINEAR, ChannelScaling.SUV.outside()).data(),
        Resampler.resample(study.ct(), grid, Interpolation.LINEAR, ChannelScaling.HU.outside()).data()});
    int plane = size * size;
    int[] bodySlices = new int[stack.slices()];
    int count = 0;
    for (int k = 0; k < stack.slices(); k++) {
      if (config.normalisation().bodyFraction(stack.channel(1), k * plane, size, size) >= MIN_BODY_FRACTION) {
        bodySlices[count++] = k;
      }
    }
    if (count == 0) {
      throw new IllegalStateException("synthetic study " + study.studyId() + " has no slice with body");
    }
    int window = (2 * neighbours + 1) * plane;
    float[] pet = new float[batch * window];
    float[] ct = new float[batch * window];
    for (int j = 0; j < batch; j++) {
      int centre = bodySlices[(int) ((j + 0.5) * count / batch)];
      stack.copyWindow(centre, neighbours, new float[][] {pet, ct}, j * window);
    }
    return new PhantomWindows(pet, ct, batch);
  }
}
