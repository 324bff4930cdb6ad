package io.petal.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Voxel decoding, scaling, compression and dimension handling of {@link NiftiReader}. */
class NiftiReaderTest {

  static NiftiImage read(byte[] file, String name) throws IOException {
    return NiftiReader.read(new ByteArrayInputStream(file), name);
  }

  /** Each datatype with values at and near its extremes, in both byte orders. */
  static Stream<Arguments> datatypes() {
    List<Arguments> cases = new ArrayList<>();
    Object[][] types = {
      {NiftiDataType.UINT8, new double[] {0, 1, 200, 255}},
      {NiftiDataType.INT8, new double[] {-128, -1, 0, 127}},
      {NiftiDataType.INT16, new double[] {-32768, -2, 0, 32767}},
      {NiftiDataType.UINT16, new double[] {0, 1, 40000, 65535}},
      {NiftiDataType.INT32, new double[] {-2147483648.0, -7, 0, 16777216}},
      {NiftiDataType.UINT32, new double[] {0, 1, 3e9, 4294967295.0}},
      {NiftiDataType.INT64, new double[] {-Math.pow(2, 40), -1, 0, Math.pow(2, 40)}},
      {NiftiDataType.UINT64, new double[] {0, 1, Math.pow(2, 63), Math.pow(2, 64) - 2048}},
      {NiftiDataType.FLOAT32, new double[] {-1.5f, 0, 3.25e-7f, Float.MAX_VALUE}},
      {NiftiDataType.FLOAT64, new double[] {-2.5, 0, 1e-30, 1e30}},
    };
    for (Object[] t : types) {
      for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
        cases.add(Arguments.of(t[0], order, t[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("datatypes")
  void decodesEveryDatatypeInBothByteOrders(NiftiDataType type, ByteOrder order, double[] values)
      throws IOException {
    byte[] file = new NiftiTestFile().order(order).dims(2, 2, 1)
        .datatype(type.code(), type.bitpix()).voxels(values).bytes();

    NiftiImage image = read(file, "typed.nii");

    float[] expected = new float[values.length];
    for (int v = 0; v < values.length; v++) {
      expected[v] = (float) values[v];
    }
    assertArrayEquals(expected, image.data());
    assertEquals(type, image.header().dataType());
    assertEquals(order, image.header().byteOrder());
  }

  static Stream<Arguments> scalings() {
    return Stream.of(
        Arguments.of(0.5f, -3f, new float[] {-3, 2, -5.5f, 47}),
        Arguments.of(2f, 0f, new float[] {0, 20, -10, 200}),
        Arguments.of(0f, 7f, new float[] {0, 10, -5, 100}), // slope 0: no scaling, inter ignored
        Arguments.of(Float.NaN, 7f, new float[] {0, 10, -5, 100}),
        Arguments.of(1f, 0f, new float[] {0, 10, -5, 100}));
  }

  @ParameterizedTest(name = "slope {0} inter {1}")
  @MethodSource("scalings")
  void appliesSclSlopeAndInterExceptWhenSlopeIsZeroOrNan(float slope, float inter,
      float[] expected) throws IOException {
    byte[] file = new NiftiTestFile().dims(2, 2, 1).datatype(4, 16).scaling(slope, inter)
        .voxels(0, 10, -5, 100).bytes();
    assertArrayEquals(expected, read(file, "scaled.nii").data());
  }

  @Test
  void scalesFloat32Voxels() throws IOException {
    byte[] file = new NiftiTestFile().dims(2, 1, 1).scaling(1000f, 0f).voxels(0.25, -1).bytes();
    assertArrayEquals(new float[] {250, -1000}, read(file, "suv.nii").data());
  }

  @Test
  void detectsGzipByMagicBytesNotByName(@TempDir Path dir) throws IOException {
    NiftiTestFile builder = new NiftiTestFile().dims(2, 1, 1).voxels(4, 5);
    Path misnamedGzip = dir.resolve("looks-plain.nii");
    Files.write(misnamedGzip, builder.gzipped());
    Path misnamedPlain = dir.resolve("looks-compressed.nii.gz");
    Files.write(misnamedPlain, builder.bytes());

    assertArrayEquals(new float[] {4, 5}, NiftiReader.read(misnamedGzip).data());
    assertArrayEquals(new float[] {4, 5}, NiftiReader.read(misnamedPlain).data());
    assertEquals(misnamedGzip.toString(), NiftiReader.read(misnamedGzip).source());
  }

  @Test
  void readsAcrossManyBlocksOfTheBulkBuffer() throws IOException {
    int nx = 300;
    int ny = 200;
    int nz = 11; // 660,000 int16 voxels: 1.3 MB, five 256 KiB blocks and a partial last one
    double[] values = new double[nx * ny * nz];
    for (int v = 0; v < values.length; v++) {
      values[v] = (v * 7919L) % 65536 - 32768;
    }
    byte[] file = new NiftiTestFile().order(ByteOrder.BIG_ENDIAN).dims(nx, ny, nz)
        .datatype(4, 16).scaling(0.5f, 1f).voxels(values).gzipped();

    float[] data = read(file, "big.nii.gz").data();

    for (int v = 0; v < values.length; v += 997) {
      assertEquals((float) (values[v] * 0.5 + 1), data[v], "voxel " + v);
    }
    assertEquals((float) (values[values.length - 1] * 0.5 + 1), data[values.length - 1]);
  }

  @Test
  void fillsEveryValueOfASuppliedVoxelArray() throws IOException {
    byte[] file = new NiftiTestFile().dims(3, 2, 1).datatype(4, 16).voxels(1, -2, 3, -4, 5, -6).gzipped();
    float[] reused = {99, 99, 99, 99, 99, 99}; // a previous image's values, all to be overwritten

    NiftiImage image = NiftiReader.read(new ByteArrayInputStream(file), "reused.nii.gz", n -> reused);

    assertTrue(image.data() == reused, "the supplied array holds the voxels");
    assertArrayEquals(new float[] {1, -2, 3, -4, 5, -6}, reused);
  }

  @Test
  void refusesASuppliedVoxelArrayOfTheWrongLength() {
    byte[] file = new NiftiTestFile().dims(3, 2, 1).voxels(1, 2, 3, 4, 5, 6).bytes();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NiftiReader.read(new ByteArrayInputStream(file), "short.nii", n -> new float[n - 1]));
    assertTrue(e.getMessage().contains("5 values for 6 voxels"), e.getMessage());
  }

  @Test
  void skipsHeaderExtensionsUpToVoxOffset() throws IOException {
    NiftiTestFile builder = new NiftiTestFile().dims(2, 1, 1).voxOffset(400).voxels(8, 9);
    byte[] file = builder.bytes();
    file[348] = 1; // "an extension follows"; its bytes up to 400 are junk to the reader
    for (int b = 352; b < 400; b++) {
      file[b] = (byte) 0xAB;
    }
    NiftiImage image = read(file, "ext.nii");
    assertArrayEquals(new float[] {8, 9}, image.data());
    assertEquals(400, image.header().voxOffset());
  }

  @Test
  void readsA2dImageAsOneSlice() throws IOException {
    byte[] file = new NiftiTestFile().dims(3, 2).pixdim(1, 2, 2, 0).voxels(1, 2, 3, 4, 5, 6)
        .bytes();
    NiftiImage image = read(file, "planar.nii");
    assertEquals(3, image.grid().nx());
    assertEquals(2, image.grid().ny());
    assertEquals(1, image.grid().nz());
    assertEquals(1.0, image.grid().spacing(2), 1e-12); // undefined slab thickness counts as 1
    assertEquals(6f, image.volume().get(2, 1, 0));
  }

  @Test
  void acceptsTrailingUnitDimensions() throws IOException {
    byte[] file = new NiftiTestFile().dims(2, 1, 1, 1, 1).voxels(3, 4).bytes();
    NiftiImage image = read(file, "5d-of-ones.nii");
    assertEquals(5, image.header().rank());
    assertArrayEquals(new float[] {3, 4}, image.data());
  }

  @Test
  void refusesA4dSeriesButReadsOneVolumeOnRequest() throws IOException {
    byte[] file = new NiftiTestFile().dims(2, 1, 1, 3).voxels(1, 2, 10, 20, 100, 200).gzipped();

    NiftiFormatException e = assertThrows(NiftiFormatException.class,
        () -> read(file, "dynamic.nii.gz"));
    assertTrue(e.getMessage().contains("dynamic.nii.gz: is a 4D series of 3 volumes"),
        e.getMessage());

    assertArrayEquals(new float[] {10, 20},
        NiftiReader.readVolume(new ByteArrayInputStream(file), "dynamic.nii.gz", 1).data());
    assertArrayEquals(new float[] {100, 200},
        NiftiReader.readVolume(new ByteArrayInputStream(file), "dynamic.nii.gz", 2).data());
    NiftiFormatException past = assertThrows(NiftiFormatException.class,
        () -> NiftiReader.readVolume(new ByteArrayInputStream(file), "dynamic.nii.gz", 3));
    assertTrue(past.getMessage().contains("has 3 volume(s); volume 3 does not exist"),
        past.getMessage());
  }

  @Test
  void refusesFifthDimensionsAboveOne() {
    byte[] file = new NiftiTestFile().dims(2, 1, 1, 1, 3).voxels(1, 2, 3, 4, 5, 6).bytes();
    NiftiFormatException e = assertThrows(NiftiFormatException.class,
        () -> read(file, "vector.nii"));
    assertTrue(e.getMessage().contains("dim[5] = 3"), e.getMessage());
  }

  @Test
  void keepsHeaderFacts() throws IOException {
    byte[] file = new NiftiTestFile().dims(2, 1, 1).xyztUnits(2 | 8).descrip("test image")
        .qform(1, 0, 0, 0, 1, 2, 3).sform(2, 1, 0, 0, 5, 0, 1, 0, 6, 0, 0, 1, 7)
        .voxels(0, 0).bytes();
    NiftiHeader h = read(file, "facts.nii").header();
    assertEquals("test image", h.descrip());
    assertEquals(NiftiSpatialUnit.MILLIMETRE, h.spatialUnit());
    assertEquals(10, h.xyztUnits());
    assertEquals(1, h.qformCode());
    assertEquals(2, h.sformCode());
    assertArrayEquals(new int[] {3, 2, 1, 1, 1, 1, 1, 1}, h.dim());
    assertEquals(NiftiHeader.MIN_VOX_OFFSET, h.voxOffset());
  }
}
