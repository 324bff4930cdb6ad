package io.petal.image;

/**
 * A 3D voxel grid: its size (nx, ny, nz) and its placement in patient space (LPS+, mm).
 *
 * <p>Voxels are stored x-fastest: index {@code i + nx·(j + ny·k)}, the NIfTI and DICOM order
 * (i along a row, j down the columns, k over slices). A planar view (SPECT) is a grid with nz = 1.
 */
public record ImageGrid(int nx, int ny, int nz, Affine affine) implements java.io.Serializable {

  public ImageGrid {
    if (nx <= 0 || ny <= 0 || nz <= 0) {
      throw new IllegalArgumentException("grid size must be positive: " + nx + "x" + ny + "x" + nz);
    }
    long n = (long) nx * ny * nz;
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("grid too large for one array: " + n + " voxels");
    }
    if (affine == null) {
      throw new IllegalArgumentException("grid needs an affine");
    }
  }

  /** Number of voxels. */
  public int voxelCount() {
    return nx * ny * nz;
  }

  /** Voxels in one axial slice (nx·ny). */
  public int sliceSize() {
    return nx * ny;
  }

  /** Flat index of voxel (i, j, k). */
  public int index(int i, int j, int k) {
    return i + nx * (j + ny * k);
  }

  /** Spacing along index axis 0, 1, 2 in mm. */
  public double spacing(int axis) {
    return affine.spacing(axis);
  }

  /** Volume of one voxel in mL (mm³ / 1000). */
  public double voxelVolumeMl() {
    return Math.abs(affine.determinant()) / 1000.0;
  }

  /** True when both grids have the same size and affines within {@code tolMm}. */
  public boolean sameGeometry(ImageGrid o, double tolMm) {
    return nx == o.nx && ny == o.ny && nz == o.nz && affine.approximatelyEquals(o.affine, tolMm);
  }
}
