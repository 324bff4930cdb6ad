package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pixel decoding: synthetic multi-frame images of every supported layout, and the real PET/CT. */
class DicomPixelsTest {
  private static final int ROWS = 3;
  private static final int COLUMNS = 5;

  @TempDir Path tmp;

  /** A distinct stored value for (frame, row, column), negative for some pixels. */
  private static int value(int frame, int row, int column) {
    return 100 * frame + 10 * row + column - 30;
  }

  private static TestDicom image(int frames, int allocated, int stored, int highBit,
      boolean signed) {
    return new TestDicom()
        .text(DicomTags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.128")
        .text(DicomTags.MODALITY, VR.CS, "PT")
        .us(DicomTags.SAMPLES_PER_PIXEL, 1)
        .text(DicomTags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2")
        .text(DicomTags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames))
        .us(DicomTags.ROWS, ROWS)
        .us(DicomTags.COLUMNS, COLUMNS)
        .us(DicomTags.BITS_ALLOCATED, allocated)
        .us(DicomTags.BITS_STORED, stored)
        .us(DicomTags.HIGH_BIT, highBit)
        .us(DicomTags.PIXEL_REPRESENTATION, signed ? 1 : 0);
  }

  private static byte[] sixteenBit(int frames) {
    int[] words = new int[frames * ROWS * COLUMNS];
    for (int k = 0, i = 0; k < frames; k++) {
      for (int r = 0; r < ROWS; r++) {
        for (int c = 0; c < COLUMNS; c++) {
          words[i++] = value(k, r, c);
        }
      }
    }
    return TestDicom.words(words);
  }

  private static TestDicom rescaleItem(double slope, double intercept) {
    return new TestDicom().sequence(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE,
        new TestDicom().ds(DicomTags.RESCALE_INTERCEPT, intercept)
            .ds(DicomTags.RESCALE_SLOPE, slope)
            .text(DicomTags.RESCALE_TYPE, VR.LO, "US"));
  }

  private DicomPixels pixelsOf(TestDicom ds) throws Exception {
    return DicomReader.read(ds.toPart10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false), "test")
        .pixels();
  }

  @Test
  void multiFrameAppliesEachFramesOwnRescaleInColumnFastestOrder() throws Exception {
    double[] slopes = {0.5, 2.0, 3.25};
    double[] intercepts = {-10, 0, 5};
    TestDicom ds = image(3, 16, 16, 15, true)
        .ds(DicomTags.RESCALE_SLOPE, 99) // overridden by the functional groups
        .sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, rescaleItem(7, 7))
        .sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE,
            rescaleItem(slopes[0], intercepts[0]), rescaleItem(slopes[1], intercepts[1]),
            rescaleItem(slopes[2], intercepts[2]))
        .bytes(DicomTags.PIXEL_DATA, VR.OW, sixteenBit(3));

    for (boolean undefinedLengths : new boolean[] {false, true}) {
      DicomPixels px = DicomReader.read(
          ds.toPart10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, undefinedLengths), "mf").pixels();
      assertEquals(3, px.frames());
      assertEquals(ROWS, px.rows());
      assertEquals(COLUMNS, px.columns());
      for (int k = 0; k < 3; k++) {
        assertEquals(slopes[k], px.rescaleSlope(k));
        assertEquals(intercepts[k], px.rescaleIntercept(k));
        int[] stored = px.storedFrame(k);
        float[] values = px.frame(k);
        for (int r = 0; r < ROWS; r++) {
          for (int c = 0; c < COLUMNS; c++) {
            int i = c + COLUMNS * r;
            assertEquals(value(k, r, c), stored[i], "stored frame " + k + " r" + r + " c" + c);
            assertEquals((float) (value(k, r, c) * slopes[k] + intercepts[k]), values[i]);
          }
        }
      }
    }
  }

  @Test
  void sharedGroupsThenTopLevelRescaleApplyWhenFramesHaveNone() throws Exception {
    TestDicom shared = image(2, 16, 16, 15, true)
        .ds(DicomTags.RESCALE_SLOPE, 99)
        .sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, rescaleItem(0.25, -1))
        .sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE,
            new TestDicom().sequence(DicomTags.FRAME_CONTENT_SEQUENCE, new TestDicom()),
            rescaleItem(4, 2))
        .bytes(DicomTags.PIXEL_DATA, VR.OW, sixteenBit(2));
    DicomPixels px = pixelsOf(shared);
    assertEquals(0.25, px.rescaleSlope(0));
    assertEquals(-1.0, px.rescaleIntercept(0));
    assertEquals(4.0, px.rescaleSlope(1));
    assertEquals(value(0, 2, 4) * 0.25f - 1, px.frame(0)[4 + COLUMNS * 2]);

    TestDicom topLevel = image(2, 16, 16, 15, true)
        .ds(DicomTags.RESCALE_INTERCEPT, -1024)
        .ds(DicomTags.RESCALE_SLOPE, 1.5)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, sixteenBit(2));
    px = pixelsOf(topLevel);
    assertEquals(1.5, px.rescaleSlope(1));
    assertEquals(value(1, 1, 3) * 1.5f - 1024, px.frame(1)[3 + COLUMNS]);

    px = pixelsOf(image(1, 16, 16, 15, true).bytes(DicomTags.PIXEL_DATA, VR.OW, sixteenBit(1)));
    assertEquals(1.0, px.rescaleSlope(0), "identity without any rescale attribute");
    assertEquals(0.0, px.rescaleIntercept(0));
  }

  @Test
  void eightBitAndThirtyTwoBitValuesKeepTheirSign() throws Exception {
    byte[] bytes = new byte[ROWS * COLUMNS];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (250 - i);
    }
    int[] unsigned8 = pixelsOf(image(1, 8, 8, 7, false).bytes(DicomTags.PIXEL_DATA, VR.OB, bytes))
        .storedFrame(0);
    int[] signed8 = pixelsOf(image(1, 8, 8, 7, true).bytes(DicomTags.PIXEL_DATA, VR.OB, bytes))
        .storedFrame(0);
    assertEquals(250, unsigned8[0]);
    assertEquals(-6, signed8[0]);

    long[] words = new long[ROWS * COLUMNS];
    for (int i = 0; i < words.length; i++) {
      words[i] = 0xFFFFFFF0L + i - 8; // 4294967280 + i - 8: beyond int for unsigned
    }
    DicomPixels u32 = pixelsOf(image(1, 32, 32, 31, false)
        .ds(DicomTags.RESCALE_SLOPE, 0.5)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, TestDicom.ints(words)));
    assertEquals((float) (4294967272.0 * 0.5), u32.frame(0)[0]);
    DicomFormatException e = assertThrows(DicomFormatException.class, () -> u32.storedFrame(0));
    assertTrue(e.getMessage().contains("does not fit an int"), e.getMessage());
    int[] s32 = pixelsOf(image(1, 32, 32, 31, true)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, TestDicom.ints(words))).storedFrame(0);
    assertEquals(-24, s32[0]);
  }

  @Test
  void bitsStoredBelowBitsAllocatedAreMaskedAndSignExtended() throws Exception {
    // 12 stored bits at 0-11 with garbage (e.g. overlay bits) in 12-15.
    byte[] low = TestDicom.words(fill(0xF000 | 0x0FFF, 0xA000 | 0x0800, 0x0005));
    int[] signed = pixelsOf(image(1, 16, 12, 11, true).bytes(DicomTags.PIXEL_DATA, VR.OW, low))
        .storedFrame(0);
    assertArrayEquals(new int[] {-1, -2048, 5}, java.util.Arrays.copyOf(signed, 3));
    int[] unsigned = pixelsOf(image(1, 16, 12, 11, false).bytes(DicomTags.PIXEL_DATA, VR.OW, low))
        .storedFrame(0);
    assertArrayEquals(new int[] {4095, 2048, 5}, java.util.Arrays.copyOf(unsigned, 3));
    // 12 stored bits at 4-15 (HighBit 15): the value is shifted down.
    byte[] high = TestDicom.words(fill(0xFFF0 | 0x000F, 0x0010));
    int[] shifted = pixelsOf(image(1, 16, 12, 15, true).bytes(DicomTags.PIXEL_DATA, VR.OW, high))
        .storedFrame(0);
    assertArrayEquals(new int[] {-1, 1}, java.util.Arrays.copyOf(shifted, 2));
  }

  @Test
  void oneBitSegmentationFramesArePackedAcrossByteBoundaries() throws Exception {
    int frames = 3;
    int n = ROWS * COLUMNS; // 15 bits per frame: frames do not start on byte boundaries
    boolean[][] bits = new boolean[frames][n];
    byte[] packed = new byte[((frames * n + 7) / 8 + 1) & ~1]; // 45 bits, even length
    for (int k = 0; k < frames; k++) {
      for (int i = 0; i < n; i++) {
        bits[k][i] = (i * 7 + k * 3) % 5 < 2;
        if (bits[k][i]) {
          int bit = k * n + i;
          packed[bit >> 3] |= (byte) (1 << (bit & 7));
        }
      }
    }
    DicomPixels px = pixelsOf(image(frames, 1, 1, 0, false)
        .text(DicomTags.SEGMENTATION_TYPE, VR.CS, "BINARY")
        .bytes(DicomTags.PIXEL_DATA, VR.OB, packed));
    for (int k = 0; k < frames; k++) {
      int[] stored = px.storedFrame(k);
      for (int i = 0; i < n; i++) {
        assertEquals(bits[k][i] ? 1 : 0, stored[i], "frame " + k + " pixel " + i);
      }
    }
  }

  @Test
  void floatPixelDataIsReturnedAsStored() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(4 * ROWS * COLUMNS).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < ROWS * COLUMNS; i++) {
      b.putFloat(i * 0.25f - 1);
    }
    TestDicom ds = image(1, 32, 32, 31, true).remove(DicomTags.BITS_STORED)
        .remove(DicomTags.HIGH_BIT).remove(DicomTags.PIXEL_REPRESENTATION)
        .bytes(DicomTags.FLOAT_PIXEL_DATA, VR.OF, b.array());
    DicomPixels px = pixelsOf(ds);
    assertEquals(-1f, px.frame(0)[0]);
    assertEquals(2.5f, px.frame(0)[14]);
    assertThrows(DicomFormatException.class, () -> px.storedFrame(0));
  }

  @Test
  void colourImagesAndWrongPixelLengthsAreRefusedWithTheReason() {
    TestDicom rgb = image(1, 8, 8, 7, false).us(DicomTags.SAMPLES_PER_PIXEL, 3)
        .text(DicomTags.PHOTOMETRIC_INTERPRETATION, VR.CS, "RGB")
        .bytes(DicomTags.PIXEL_DATA, VR.OB, new byte[3 * ROWS * COLUMNS + 1]);
    DicomFormatException e = assertThrows(DicomFormatException.class, () -> pixelsOf(rgb));
    assertTrue(e.getMessage().contains("SamplesPerPixel is 3 (RGB)"), e.getMessage());

    for (int frames : new int[] {2, 4}) {
      TestDicom wrong = image(frames, 16, 16, 15, true)
          .bytes(DicomTags.PIXEL_DATA, VR.OW, sixteenBit(3));
      e = assertThrows(DicomFormatException.class, () -> pixelsOf(wrong));
      assertTrue(e.getMessage().startsWith("test: (7fe0,0010) PixelData has 90 bytes, but Rows 3"
          + " x Columns 5 x NumberOfFrames " + frames), e.getMessage());
    }
    TestDicom none = image(1, 16, 16, 15, true);
    e = assertThrows(DicomFormatException.class, () -> pixelsOf(none));
    assertTrue(e.getMessage().contains("has no pixel data"), e.getMessage());
  }

  static Stream<Arguments> bigEndianLayouts() {
    byte[] eight = new byte[2 * ROWS * COLUMNS];
    for (int i = 0; i < eight.length; i++) {
      eight[i] = (byte) (i * 37 + 3);
    }
    long[] ints = new long[2 * ROWS * COLUMNS];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = -70000L * i + 12345;
    }
    return Stream.of(
        Arguments.of("8-bit OB", image(2, 8, 8, 7, false).bytes(DicomTags.PIXEL_DATA, VR.OB,
            eight)),
        Arguments.of("8-bit OW", image(2, 8, 8, 7, false).bytes(DicomTags.PIXEL_DATA, VR.OW,
            eight)),
        Arguments.of("16-bit signed", image(2, 16, 16, 15, true)
            .bytes(DicomTags.PIXEL_DATA, VR.OW, sixteenBit(2))),
        Arguments.of("12-bit signed", image(2, 16, 12, 11, true)
            .bytes(DicomTags.PIXEL_DATA, VR.OW, sixteenBit(2))),
        Arguments.of("32-bit signed OW", image(2, 32, 32, 31, true)
            .bytes(DicomTags.PIXEL_DATA, VR.OW, TestDicom.ints(ints))),
        Arguments.of("1-bit OB", image(8, 1, 1, 0, false)
            .bytes(DicomTags.PIXEL_DATA, VR.OB, java.util.Arrays.copyOf(eight, 16))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bigEndianLayouts")
  void bigEndianCopyByDcmconvDecodesToTheSameValues(String name, TestDicom ds) throws Exception {
    Path le = tmp.resolve("le.dcm");
    Files.write(le, ds.toPart10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false));
    Path be = Dcmtk.convert("dcmconv", le, tmp.resolve("be.dcm"), "+tb");
    DicomPixels a = DicomReader.read(le).pixels();
    DicomFile bigEndian = DicomReader.read(be);
    assertEquals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, bigEndian.transferSyntax());
    DicomPixels b = bigEndian.pixels();
    for (int k = 0; k < a.frames(); k++) {
      assertArrayEquals(a.storedFrame(k), b.storedFrame(k), name + " frame " + k);
    }
  }

  @Test
  void petSliceIsRescaleSlopeTimesTheStoredValuesDcmdumpPrints() throws Exception {
    Path file = IbsiFiles.petSlice();
    List<Dcmdump.Element> dump = Dcmdump.dump(file).dataset();
    double slope = Double.parseDouble(find(dump, DicomTags.RESCALE_SLOPE).text());
    double intercept = Double.parseDouble(find(dump, DicomTags.RESCALE_INTERCEPT).text());
    double[] words = DumpComparison.hexWords(find(dump, DicomTags.PIXEL_DATA).text());

    DicomPixels px = DicomReader.read(file).pixels();
    float[] suv = px.frame(0);
    assertEquals(words.length, suv.length);
    for (int i : new int[] {0, 1, 41, 500, 901, suv.length - 1}) {
      double stored = (short) (int) words[i]; // PixelRepresentation 1: signed 16-bit
      assertEquals(stored * slope + intercept, suv[i], 1e-6, "pixel " + i);
    }
  }

  @Test
  void petSeriesSuvRangeAndStoredExtremaMatchTheHeaders() throws Exception {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (Path slice : IbsiFiles.series("STS_001", "PET")) {
      DicomFile file = DicomReader.read(slice);
      DicomPixels px = file.pixels();
      for (float v : px.frame(0)) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
      assertStoredExtremaMatchHeader(file, px);
    }
    assertTrue(max >= 7.9 && max <= 30, "SUVmax over the cropped series: " + max);
    assertTrue(min >= 0, "SUV is never negative: " + min);
  }

  @Test
  void ctStoredExtremaMatchTheHeadersOnEverySlice() throws Exception {
    for (Path slice : IbsiFiles.series("STS_001", "CT")) {
      DicomFile file = DicomReader.read(slice);
      assertStoredExtremaMatchHeader(file, file.pixels());
    }
  }

  private static void assertStoredExtremaMatchHeader(DicomFile file, DicomPixels px)
      throws DicomFormatException {
    DicomObject ds = file.dataset();
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int v : px.storedFrame(0)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    assertEquals(ds.requireInt(0x00280106), lo, file.source() + " SmallestImagePixelValue");
    assertEquals(ds.requireInt(0x00280107), hi, file.source() + " LargestImagePixelValue");
  }

  private static int[] fill(int... first) {
    return java.util.Arrays.copyOf(first, ROWS * COLUMNS);
  }

  private static Dcmdump.Element find(List<Dcmdump.Element> elements, int tag) {
    return elements.stream().filter(e -> e.tag() == tag).findFirst().orElseThrow();
  }
}
