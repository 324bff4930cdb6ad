package io.petal.models;

/**
 * The network's reconstruction of the centre slices of a batch.
 *
 * @param batch number of slices
 * @param size height and width, pixels
 * @param petSuv reconstructed PET in SUV, [batch, size, size], x fastest
 * @param ctHu reconstructed CT in HU, [batch, size, size], x fastest
 */
public record Reconstruction(int batch, int size, float[] petSuv, float[] ctHu) {
  /** Reconstructed SUV of pixel (x, y) of slice {@code n}. */
  public float petAt(int n, int x, int y) {
    return petSuv[(n * size + y) * size + x];
  }
}
