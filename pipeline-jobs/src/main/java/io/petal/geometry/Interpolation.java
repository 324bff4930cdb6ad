package io.petal.geometry;

/** How {@link Resampler} reads between source voxels. */
public enum Interpolation {
  /** Trilinear: for images (SUV, HU). */
  LINEAR,
  /** Nearest neighbour: for label maps, whose values must not be blended. */
  NEAREST
}
