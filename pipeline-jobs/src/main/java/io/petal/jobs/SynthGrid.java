package io.petal.jobs;

import io.petal.synth.SynthConfig;

/** Named image grids for {@code petal synth --grid} and {@code petal demo --grid}. */
public enum SynthGrid {
  /** The demo grid: 4 mm voxels over 512 mm × 1 m ({@link SynthConfig#defaults()}). */
  standard(SynthConfig.defaults()),
  /** A coarse grid (6.4 × 6.4 × 8 mm) for quick runs and tests ({@link SynthConfig#small()}). */
  small(SynthConfig.small());

  private final SynthConfig config;

  SynthGrid(SynthConfig config) {
    this.config = config;
  }

  public SynthConfig config() {
    return config;
  }
}
