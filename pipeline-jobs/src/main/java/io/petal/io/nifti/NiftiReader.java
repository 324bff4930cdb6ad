package io.petal.io.nifti;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads single-file NIfTI-1 images ({@code .nii}, or gzip-compressed {@code .nii.gz}; compression
 * is recognised by its magic bytes, not the file name) into a Petal {@link Volume}.
 *
 * <p>Voxel values are scaled by {@code scl_slope}/{@code scl_inter} and stored as float32 in the
 * file's own x-fastest order; the grid's affine maps voxel indices to patient LPS+ millimetres
 * ({@link NiftiGeometry}). A 2D image becomes a grid with nz = 1. A 4D series is read one volume
 * at a time ({@link #readVolume}); dimensions 5 to 7 must be 1. The payload is read in 256 KiB
 * blocks and converted in bulk.
 *
 * <p>Anything malformed or unsupported fails with a {@link NiftiFormatException} naming the file
 * and the reason. The streams given to the {@code InputStream} methods are not closed.
 */
public final class NiftiReader {
  private static final Logger LOG = LoggerFactory.getLogger(NiftiReader.class);
  /** Decoded in blocks this size: large enough for few inflate calls, small enough not to be a "humongous" object for G1. */
  private static final int BLOCK_BYTES = 1 << 18;
  private static final int STREAM_BUFFER_BYTES = 1 << 16;

  private NiftiReader() {}

  /** Reads a 2D or 3D image file (dim[4] = 1). See {@link #read(InputStream, String)}. */
  public static NiftiImage read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads a 2D or 3D image.
   *
   * @param in the file's bytes, plain or gzip-compressed
   * @param sourceName file name for messages and {@link NiftiImage#source()}
   * @throws NiftiFormatException for a malformed or unsupported file, a truncated or corrupt gzip
   *     stream, or a 4D series with more than one volume
   * @throws IOException when reading {@code in} fails
   */
  public static NiftiImage read(InputStream in, String sourceName) throws IOException {
    return read(in, sourceName, -1, float[]::new);
  }

  /**
   * Reads a 2D or 3D image into a voxel array that {@code voxelArrays} supplies, as
   * {@link #read(InputStream, String)} does: {@code voxelArrays.apply(n)} must return an array of
   * exactly {@code n} values, whose previous content does not matter (every value is overwritten).
   * For callers that reuse arrays from one image to the next.
   */
  public static NiftiImage read(InputStream in, String sourceName, IntFunction<float[]> voxelArrays)
      throws IOException {
    return read(in, sourceName, -1, voxelArrays);
  }

  /** Reads volume {@code index} (0-based, along dim[4]) of a file. */
  public static NiftiImage readVolume(Path file, int index) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readVolume(in, file.toString(), index);
    }
  }

  /**
   * Reads volume {@code index} (0-based, along dim[4]) of a 4D series; index 0 of a 3D image is
   * the image itself. Earlier volumes are skipped without being converted.
   *
   * @throws NiftiFormatException as {@link #read(InputStream, String)}, or when {@code index} is
   *     outside 0..dim[4]−1
   */
  public static NiftiImage readVolume(InputStream in, String sourceName, int index)
      throws IOException {
    if (index < 0) {
      throw new IllegalArgumentException("volume index must be >= 0, got " + index);
    }
    return read(in, sourceName, index, float[]::new);
  }

  /** {@code index} −1 means "the only volume". */
  private static NiftiImage read(InputStream raw, String source, int index, IntFunction<float[]> voxelArrays)
      throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, STREAM_BUFFER_BYTES);
    boolean gzip = startsWithGzipMagic(buffered);
    try {
      InputStream in = gzip ? new GZIPInputStream(buffered, STREAM_BUFFER_BYTES) : buffered;
      NiftiImage image = readImage(in, source, index, voxelArrays);
      if (gzip) {
        in.transferTo(OutputStream.nullOutputStream()); // reach the trailer: checks CRC and length
      }
      return image;
    } catch (EOFException e) { // from GZIPInputStream only: a short plain file is reported inside
      throw new NiftiFormatException(source, "truncated gzip stream (" + e.getMessage() + ")", e);
    } catch (ZipException e) {
      throw new NiftiFormatException(source, "corrupt gzip stream (" + e.getMessage() + ")", e);
    }
  }

  private static NiftiImage readImage(InputStream in, String source, int index, IntFunction<float[]> voxelArrays)
      throws IOException {
    NiftiHeader header = NiftiHeaderCodec.decode(in.readNBytes(NiftiHeaderCodec.HEADER_SIZE),
        source);
    int volume = chooseVolume(header, source, index);
    Affine affine = NiftiGeometry.lpsAffineMm(header, source);
    ImageGrid grid = new ImageGrid(header.size(0), header.size(1), header.size(2), affine);

    skip(in, header.voxOffset() - NiftiHeaderCodec.HEADER_SIZE, "header extensions", source);
    skip(in, volume * header.bytesPerVolume(), "volumes before " + volume, source);
    float[] data = readVoxels(in, header, source, voxelArrays);
    LOG.debug("{}: {}x{}x{} {} (volume {} of {}), geometry from {}", source, grid.nx(), grid.ny(),
        grid.nz(), header.dataType(), volume, header.volumeCount(), NiftiGeometry.method(header));
    return new NiftiImage(new Volume(grid, data), header, source);
  }

  private static int chooseVolume(NiftiHeader header, String source, int index)
      throws NiftiFormatException {
    int[] dim = header.dim();
    for (int d = 5; d <= header.rank(); d++) {
      if (dim[d] != 1) {
        throw new NiftiFormatException(source, "dim[" + d + "] = " + dim[d]
            + ": only 2D, 3D and 4D images are supported (dimensions 5 to 7 must be 1)");
      }
    }
    int count = header.volumeCount();
    if (index < 0) {
      if (count > 1) {
        throw new NiftiFormatException(source, "is a 4D series of " + count
            + " volumes (dim[4]); read one with NiftiReader.readVolume");
      }
      return 0;
    }
    if (index >= count) {
      throw new NiftiFormatException(source, "has " + count + " volume(s); volume " + index
          + " does not exist");
    }
    return index;
  }

  /** The voxels of one volume, scaled, x-fastest, converted block by block. */
  private static float[] readVoxels(InputStream in, NiftiHeader header, String source,
      IntFunction<float[]> voxelArrays) throws IOException {
    NiftiDataType type = header.dataType();
    NiftiScaling scaling = header.scaling();
    int voxels = Math.toIntExact(header.voxelsPerVolume());
    int size = type.bytesPerVoxel();
    int voxelsPerBlock = BLOCK_BYTES / size;
    byte[] block = new byte[Math.min(voxelsPerBlock, voxels) * size];
    ByteBuffer buffer = ByteBuffer.wrap(block).order(header.byteOrder());
    float[] data = voxelArrays.apply(voxels);
    if (data.length != voxels) {
      throw new IllegalArgumentException("voxel array of " + data.length + " values for " + voxels + " voxels");
    }
    for (int done = 0; done < voxels; done += voxelsPerBlock) {
      int n = Math.min(voxelsPerBlock, voxels - done);
      int got = in.readNBytes(block, 0, n * size);
      if (got < n * size) {
        throw new NiftiFormatException(source, "truncated: voxel data ends after "
            + ((long) done * size + got) + " of " + header.bytesPerVolume() + " bytes ("
            + header.size(0) + "x" + header.size(1) + "x" + header.size(2) + " " + type + ")");
      }
      type.decode(buffer, data, done, n, scaling);
    }
    return data;
  }

  /** Reads past {@code bytes} bytes (read, not skipped, so that a gzip error surfaces as such). */
  private static void skip(InputStream in, long bytes, String what, String source)
      throws IOException {
    byte[] scratch = new byte[(int) Math.min(bytes, BLOCK_BYTES)];
    for (long left = bytes; left > 0; ) {
      int got = in.readNBytes(scratch, 0, (int) Math.min(left, scratch.length));
      if (got == 0) {
        throw new NiftiFormatException(source, "truncated: the file ends within the " + what
            + " (" + bytes + " bytes)");
      }
      left -= got;
    }
  }

  private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b;
  }
}
