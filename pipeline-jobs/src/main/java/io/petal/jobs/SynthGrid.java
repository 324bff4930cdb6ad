package io.petal.jobs;

import io.petal.synth.SynthConfig;

/** Named image grids for {@code petal synth --grid} and {@code petal demo --grid}. */
public enum SynthGrid {
  /** 128×128×250 voxels of 4 mm ({@link SynthConfig#defaults()}). */
  standard(SynthConfig.defaults()),
  /** 80×80×125 voxels of 6.4×6.4×8 mm, for quick runs and tests ({@link SynthConfig#small()}). */
  small(SynthConfig.small());

  private final SynthConfig config;

  SynthGrid(SynthConfig config) {
    this.config = config;
  }

  public SynthConfig config() {
    return config;
  }
}
