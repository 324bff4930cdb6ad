package io.petal.io.nifti;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Volume} as a single-file NIfTI-1 image, little-endian, {@code vox_offset} 352,
 * no extensions, no scaling ({@code scl_slope} 1, {@code scl_inter} 0).
 *
 * <p>Geometry is stored twice, both with code 1 (scanner anatomical): the sform holds the grid's
 * affine exactly (to float32), the qform its rotation as a quaternion with qfac −1 for a
 * left-handed voxel frame. Coordinates are converted from Petal's LPS+ to NIfTI's RAS+;
 * {@code xyzt_units} says millimetres and seconds.
 *
 * <p>Datatypes: {@link NiftiDataType#FLOAT32} for images, {@link NiftiDataType#UINT8} or
 * {@link NiftiDataType#INT16} for label maps, whose values are rounded to the nearest integer and
 * must fit the type. Gzip output is deterministic: the same volume gives the same bytes (the gzip
 * header's time stamp is 0).
 */
public final class NiftiWriter {
  private static final Logger LOG = LoggerFactory.getLogger(NiftiWriter.class);
  private static final int BLOCK_BYTES = 1 << 20;
  private static final int XFORM_SCANNER_ANAT = 1;
  private static final int UNITS_MM_AND_SECONDS = NiftiSpatialUnit.MILLIMETRE.code() | 8;

  private NiftiWriter() {}

  /**
   * Writes {@code file}, gzip-compressed when its name ends in {@code .gz}. The file appears
   * complete or not at all: it is written beside its final name and then moved into place.
   *
   * @throws IllegalArgumentException for a type that is not writable or a label value that does
   *     not fit it (no file is left behind)
   */
  public static void write(Volume volume, Path file, NiftiDataType type) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    boolean gzip = absolute.getFileName().toString().endsWith(".gz");
    try (OutputStream out = Files.newOutputStream(partial)) {
      write(volume, out, type, gzip, file.toString());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Writes the image to {@code out}, which is flushed but not closed.
   *
   * @param gzip whether to gzip-compress the whole file
   * @throws IllegalArgumentException for a type that is not writable or a label value that does
   *     not fit it (some bytes may already have been written)
   */
  public static void write(Volume volume, OutputStream out, NiftiDataType type, boolean gzip)
      throws IOException {
    write(volume, out, type, gzip, "NIfTI output");
  }

  private static void write(Volume volume, OutputStream out, NiftiDataType type, boolean gzip,
      String target) throws IOException {
    if (!type.writable()) {
      throw new IllegalArgumentException(target + ": NiftiWriter writes FLOAT32, UINT8 or INT16,"
          + " not " + type);
    }
    NiftiHeader header = headerFor(volume.grid(), type);
    GZIPOutputStream compressor = gzip ? new GZIPOutputStream(out, 1 << 16) : null;
    OutputStream sink = gzip ? compressor : out;
    sink.write(NiftiHeaderCodec.encode(header));
    try {
      writeVoxels(volume.data(), type, sink);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(target + ": cannot store as " + type + " (flat index"
          + " i + nx·(j + ny·k)): " + e.getMessage(), e);
    }
    if (compressor != null) {
      compressor.finish();
    }
    out.flush();
    LOG.debug("wrote {}: {}x{}x{} {}{}", target, header.size(0), header.size(1), header.size(2),
        type, gzip ? " gzip" : "");
  }

  /** The header Petal writes for a volume on {@code grid} stored as {@code type}. */
  static NiftiHeader headerFor(ImageGrid grid, NiftiDataType type) {
    Affine ras = grid.affine().lpsFromRas();
    NiftiQform q = NiftiQform.fromAffine(ras);
    if (!q.toAffine().approximatelyEquals(ras, 1e-3)) {
      LOG.debug("the qform only approximates a sheared affine; the sform holds it exactly: {}",
          ras);
    }
    int[] dim = {3, grid.nx(), grid.ny(), grid.nz(), 1, 1, 1, 1};
    float[] pixdim = {(float) q.qfac(), (float) q.dx(), (float) q.dy(), (float) q.dz(), 0, 0, 0, 0};
    return new NiftiHeader(ByteOrder.LITTLE_ENDIAN, dim, type, pixdim,
        NiftiHeader.MIN_VOX_OFFSET, 1f, 0f, UNITS_MM_AND_SECONDS, 0, "", "",
        XFORM_SCANNER_ANAT, NiftiGeometry.quatern(q), XFORM_SCANNER_ANAT, NiftiGeometry.srow(ras));
  }

  private static void writeVoxels(float[] data, NiftiDataType type, OutputStream out)
      throws IOException {
    int voxelsPerBlock = BLOCK_BYTES / type.bytesPerVoxel();
    ByteBuffer block = ByteBuffer
        .allocate(Math.min(voxelsPerBlock, data.length) * type.bytesPerVoxel())
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int done = 0; done < data.length; done += voxelsPerBlock) {
      int n = Math.min(voxelsPerBlock, data.length - done);
      block.clear();
      type.encode(data, done, n, block);
      out.write(block.array(), 0, block.position());
    }
  }
}
