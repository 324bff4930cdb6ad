package io.petal.image;

import java.util.Objects;

/**
 * One channel of a study on a voxel grid: float32 values in x-fastest order
 * ({@link ImageGrid#index}). The unit is the channel's own (SUV for PET, HU for CT, label
 * value for masks); the owner of the volume knows which.
 *
 * <p>The data array is shared, not copied: callers that keep a volume must not mutate it.
 */
public final class Volume {
  private final ImageGrid grid;
  private final float[] data;

  public Volume(ImageGrid grid, float[] data) {
    this.grid = Objects.requireNonNull(grid, "grid");
    this.data = Objects.requireNonNull(data, "data");
    if (data.length != grid.voxelCount()) {
      throw new IllegalArgumentException("data has " + data.length + " values, grid "
          + grid.nx() + "x" + grid.ny() + "x" + grid.nz() + " needs " + grid.voxelCount());
    }
  }

  /** A zero-filled volume on {@code grid}. */
  public static Volume zeros(ImageGrid grid) {
    return new Volume(grid, new float[grid.voxelCount()]);
  }

  public ImageGrid grid() {
    return grid;
  }

  /** The backing array, x-fastest. */
  public float[] data() {
    return data;
  }

  public float get(int i, int j, int k) {
    return data[grid.index(i, j, k)];
  }

  public void set(int i, int j, int k, float v) {
    data[grid.index(i, j, k)] = v;
  }

  /** A copy of axial slice k, x-fastest (nx·ny values). */
  public float[] slice(int k) {
    float[] s = new float[grid.sliceSize()];
    System.arraycopy(data, k * grid.sliceSize(), s, 0, s.length);
    return s;
  }
}
