package io.petal.io.nifti;

/**
 * The spatial unit in the low three bits of a NIfTI-1 header's {@code xyzt_units}: it applies to
 * {@code pixdim[1..3]}, the quaternion offsets and the sform rows. Petal works in millimetres.
 */
public enum NiftiSpatialUnit {
  /** Code 0: unit not given; read as millimetres, as nibabel and most tools do. */
  UNKNOWN(0, 1.0),
  /** Code 1: metres. */
  METRE(1, 1000.0),
  /** Code 2: millimetres. */
  MILLIMETRE(2, 1.0),
  /** Code 3: micrometres. */
  MICROMETRE(3, 0.001);

  private final int code;
  private final double mmPerUnit;

  NiftiSpatialUnit(int code, double mmPerUnit) {
    this.code = code;
    this.mmPerUnit = mmPerUnit;
  }

  /** The code within {@code xyzt_units} (bits 0..2). */
  public int code() {
    return code;
  }

  /** Millimetres per file unit (1000 for metres). */
  public double mmPerUnit() {
    return mmPerUnit;
  }

  /** The spatial unit of a header's {@code xyzt_units} byte (time bits are ignored). */
  public static NiftiSpatialUnit fromXyztUnits(int xyztUnits) {
    int c = xyztUnits & 0x07;
    for (NiftiSpatialUnit u : values()) {
      if (u.code == c) {
        return u;
      }
    }
    return UNKNOWN; // codes 4..7 are not defined by the standard
  }
}
