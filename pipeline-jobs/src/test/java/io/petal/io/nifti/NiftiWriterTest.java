package io.petal.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link NiftiWriter} output read back by {@link NiftiReader} and checked byte by byte. */
class NiftiWriterTest {
  /** An oblique, anisotropic grid: rotated about two axes, as a tilted acquisition would be. */
  private static final Affine OBLIQUE = Affine.fromDicom(
      new double[] {Math.cos(0.3), Math.sin(0.3), 0},
      new double[] {-Math.sin(0.3) * Math.cos(0.2), Math.cos(0.3) * Math.cos(0.2), Math.sin(0.2)},
      new double[] {Math.sin(0.3) * Math.sin(0.2), -Math.cos(0.3) * Math.sin(0.2), Math.cos(0.2)},
      0.9765625, 1.25, 3.27, new double[] {-250.5, -180.25, -881.3});

  private static byte[] write(Volume v, NiftiDataType type, boolean gzip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NiftiWriter.write(v, out, type, gzip);
    return out.toByteArray();
  }

  private static NiftiImage read(byte[] file) throws IOException {
    return NiftiReader.read(new ByteArrayInputStream(file), "written.nii");
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  /** A 7×5×3 volume of seeded values that {@code type} holds exactly. */
  private static Volume sample(NiftiDataType type, Affine affine) {
    Random random = new Random(7);
    float[] data = new float[7 * 5 * 3];
    for (int v = 0; v < data.length; v++) {
      data[v] = switch (type) {
        case UINT8 -> random.nextInt(256);
        case INT16 -> random.nextInt(65536) - 32768;
        default -> (float) (random.nextGaussian() * 1000);
      };
    }
    data[0] = type == NiftiDataType.UINT8 ? 255 : type == NiftiDataType.INT16 ? -32768 : 1e-30f;
    return new Volume(new ImageGrid(7, 5, 3, affine), data);
  }

  @ParameterizedTest(name = "{0} gzip={1}")
  @CsvSource({"FLOAT32, false", "FLOAT32, true", "UINT8, false", "UINT8, true",
      "INT16, false", "INT16, true"})
  void roundTripsValuesAndGeometry(NiftiDataType type, boolean gzip) throws IOException {
    Volume original = sample(type, OBLIQUE);

    byte[] file = write(original, type, gzip);
    NiftiImage back = read(file);

    assertEquals(gzip, file[0] == (byte) 0x1f && file[1] == (byte) 0x8b);
    assertArrayEquals(original.data(), back.data());
    assertEquals(type, back.header().dataType());
    assertEquals(NiftiGeometry.Method.SFORM, NiftiGeometry.method(back.header()));
    // the sform is float32: about 1e-7 relative, so 1e-4 mm at 900 mm from the isocentre
    assertTrue(back.grid().sameGeometry(original.grid(), 1e-4), back.grid().affine()::toString);
  }

  @Test
  void theQformAloneGivesTheSameGeometry() throws IOException {
    for (Affine affine : new Affine[] {OBLIQUE, Affine.axisAligned(2, 2, -3, 10, 20, 30)}) {
      Volume original = sample(NiftiDataType.FLOAT32, affine);
      byte[] file = write(original, NiftiDataType.FLOAT32, false);
      ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0); // sform off

      NiftiImage back = read(file);

      assertEquals(NiftiGeometry.Method.QFORM, NiftiGeometry.method(back.header()));
      assertTrue(back.grid().sameGeometry(original.grid(), 1e-4), back.grid().affine()::toString);
    }
  }

  @Test
  void writesTheStandardHeaderFieldsAtTheirOffsets() throws IOException {
    Volume left = sample(NiftiDataType.INT16, Affine.axisAligned(2, 2, -3, 10, 20, 30));
    ByteBuffer b = ByteBuffer.wrap(write(left, NiftiDataType.INT16, false))
        .order(ByteOrder.LITTLE_ENDIAN);

    assertEquals(348, b.getInt(0));
    assertEquals(352 + 7 * 5 * 3 * 2, b.capacity());
    assertArrayEquals(new short[] {3, 7, 5, 3, 1, 1, 1, 1}, shorts(b, 40, 8));
    assertEquals(4, b.getShort(70)); // datatype INT16
    assertEquals(16, b.getShort(72)); // bitpix
    assertEquals(-1f, b.getFloat(76)); // qfac: LPS diag(2, 2, -3) is RAS diag(-2, -2, -3)
    assertEquals(352f, b.getFloat(108)); // vox_offset
    assertEquals(1f, b.getFloat(112)); // scl_slope
    assertEquals(10, b.get(123)); // xyzt_units: mm (2) + s (8)
    assertEquals(1, b.getShort(252)); // qform_code scanner anat
    assertEquals(1, b.getShort(254)); // sform_code scanner anat
    // srow: RAS = (-2i - 10, -2j - 20, -3k + 30)
    assertArrayEquals(new float[] {-2, 0, 0, -10, 0, -2, 0, -20, 0, 0, -3, 30}, floats(b, 280, 12));
    assertEquals("n+1\0", new String(file4(b, 344)));
    assertEquals(0, b.getInt(348)); // no extensions
    assertEquals((short) -32768, b.getShort(352)); // first voxel, little-endian
  }

  @Test
  void gzipOutputIsByteDeterministic() throws IOException {
    Volume v = sample(NiftiDataType.FLOAT32, OBLIQUE);
    byte[] first = write(v, NiftiDataType.FLOAT32, true);
    byte[] second = write(sample(NiftiDataType.FLOAT32, OBLIQUE), NiftiDataType.FLOAT32, true);
    assertArrayEquals(first, second);
    assertEquals(0, ByteBuffer.wrap(first, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()); // mtime
    assertArrayEquals(write(v, NiftiDataType.FLOAT32, false), gunzip(first));
  }

  @Test
  void roundsLabelValuesToTheNearestInteger() throws IOException {
    Volume v = new Volume(new ImageGrid(4, 1, 1, Affine.axisAligned(1, 1, 1, 0, 0, 0)),
        new float[] {0.9999f, 1.4f, 2.6f, 254.5001f});
    assertArrayEquals(new float[] {1, 1, 3, 255}, read(write(v, NiftiDataType.UINT8, false))
        .data());
  }

  @ParameterizedTest(name = "{1} as {0}")
  @CsvSource({"UINT8, 256", "UINT8, -1", "INT16, 32768", "INT16, -32769", "UINT8, NaN",
      "INT16, Infinity"})
  void refusesLabelValuesThatDoNotFit(NiftiDataType type, float bad) {
    float[] data = {0, 1, 2, bad, 3, 4};
    Volume v = new Volume(new ImageGrid(3, 2, 1, Affine.axisAligned(1, 1, 1, 0, 0, 0)), data);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> write(v, type, false));
    assertTrue(e.getMessage().contains("voxel 3 has value " + bad + ", which does not fit " + type),
        e.getMessage());
  }

  @Test
  void refusesTypesItDoesNotWrite() {
    Volume v = sample(NiftiDataType.FLOAT32, OBLIQUE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> write(v, NiftiDataType.FLOAT64, false));
    assertTrue(e.getMessage().contains("writes FLOAT32, UINT8 or INT16, not FLOAT64"),
        e.getMessage());
  }

  @Test
  void pathConvenienceCompressesByNameAndLeavesNoFileOnFailure(@TempDir Path dir)
      throws IOException {
    Volume v = sample(NiftiDataType.UINT8, OBLIQUE);
    Path gz = dir.resolve("mask.nii.gz");
    Path plain = dir.resolve("mask.nii");
    NiftiWriter.write(v, gz, NiftiDataType.UINT8);
    NiftiWriter.write(v, plain, NiftiDataType.UINT8);

    byte[] gzBytes = Files.readAllBytes(gz);
    assertEquals((byte) 0x1f, gzBytes[0]);
    assertArrayEquals(Files.readAllBytes(plain), gunzip(gzBytes));
    assertArrayEquals(v.data(), NiftiReader.read(gz).data());

    Volume tooBig = new Volume(v.grid(), v.data().clone());
    tooBig.data()[17] = 300;
    Path failed = dir.resolve("failed.nii.gz");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NiftiWriter.write(tooBig, failed, NiftiDataType.UINT8));
    assertTrue(e.getMessage().startsWith(failed.toString()), e.getMessage());
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count()); // neither failed.nii.gz nor a partial file
    }
    assertFalse(Files.exists(failed));
  }

  @Test
  void overwritesAnExistingFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ct.nii");
    NiftiWriter.write(sample(NiftiDataType.FLOAT32, OBLIQUE), file, NiftiDataType.FLOAT32);
    byte[] before = Files.readAllBytes(file);
    NiftiWriter.write(sample(NiftiDataType.INT16, OBLIQUE), file, NiftiDataType.INT16);
    assertNotEquals(before.length, Files.size(file));
    assertEquals(NiftiDataType.INT16, NiftiReader.read(file).header().dataType());
  }

  private static short[] shorts(ByteBuffer b, int offset, int n) {
    short[] s = new short[n];
    for (int t = 0; t < n; t++) {
      s[t] = b.getShort(offset + 2 * t);
    }
    return s;
  }

  private static float[] floats(ByteBuffer b, int offset, int n) {
    float[] f = new float[n];
    for (int t = 0; t < n; t++) {
      f[t] = b.getFloat(offset + 4 * t);
    }
    return f;
  }

  private static byte[] file4(ByteBuffer b, int offset) {
    byte[] m = new byte[4];
    b.get(offset, m);
    return m;
  }
}
