package io.petal.models;

import java.util.List;

/**
 * The network's reconstruction of the centre slices of a batch, every input channel in its stack
 * units (PET in SUV, CT in HU, study-relative channels as fractions of the study's scale).
 *
 * @param batch number of slices
 * @param size height and width, pixels
 * @param names the channels' names, in layout order
 * @param channels per channel, [batch, size, size], x fastest
 */
public record Reconstruction(int batch, int size, List<String> names, float[][] channels) {
  public Reconstruction {
    names = List.copyOf(names);
    if (channels.length != names.size()) {
      throw new IllegalArgumentException(channels.length + " reconstructed channels for the names " + names);
    }
  }

  /** Channel {@code c}, [batch, size, size] (shared array). */
  public float[] channel(int c) {
    return channels[c];
  }

  /** The named channel, [batch, size, size] (shared array). */
  public float[] channel(String name) {
    int c = names.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no reconstructed channel " + name + " among " + names);
    }
    return channels[c];
  }

  /** Reconstructed value of channel {@code c} at pixel (x, y) of slice {@code n}. */
  public float valueAt(int c, int n, int x, int y) {
    return channels[c][(n * size + y) * size + x];
  }
}
