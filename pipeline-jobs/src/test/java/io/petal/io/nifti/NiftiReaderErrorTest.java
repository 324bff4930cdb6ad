package io.petal.io.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input fails with a {@link NiftiFormatException} naming the file and why. */
class NiftiReaderErrorTest {
  private static final String SOURCE = "patient-7/PET.nii.gz";

  /** A valid little 2×3×4 float32 file (24 voxels). */
  private static NiftiTestFile valid() {
    double[] values = new double[24];
    Arrays.fill(values, 1.5);
    return new NiftiTestFile().voxels(values);
  }

  private static Arguments bad(String name, Supplier<byte[]> file, String expected) {
    return Arguments.of(name, file, expected);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        bad("empty file", () -> new byte[0], "truncated: the file has 0 bytes"),
        bad("truncated header", () -> Arrays.copyOf(valid().bytes(), 200),
            "truncated: the file has 200 bytes, a NIfTI-1 header needs 348"),
        bad("truncated voxel data", () -> Arrays.copyOf(valid().bytes(), 352 + 50),
            "truncated: voxel data ends after 50 of 96 bytes (2x3x4 FLOAT32)"),
        bad("truncated gzip of whole file", () -> NiftiTestFile.gzip(
            Arrays.copyOf(valid().bytes(), 352 + 50)), "voxel data ends after 50 of 96 bytes"),
        bad("truncated extension", () -> Arrays.copyOf(valid().voxOffset(1000).bytes(), 500),
            "truncated: the file ends within the header extensions (652 bytes)"),
        bad("bad magic", () -> valid().magic("xyz").bytes(), "bad magic \"xyz\\x00\""),
        bad("Analyze 7.5 (no magic)", () -> valid().magic("").bytes(),
            "bad magic \"\\x00\\x00\\x00\\x00\""),
        bad("hdr/img pair", () -> valid().magic("ni1").bytes(),
            "is the header of a .hdr/.img pair (magic \"ni1\")"),
        bad("NIfTI-2", () -> valid().sizeofHdr(540).bytes(), "is a NIfTI-2 file"),
        bad("NIfTI-2 big-endian", () -> valid().order(ByteOrder.BIG_ENDIAN).sizeofHdr(540)
            .bytes(), "is a NIfTI-2 file"),
        bad("sizeof_hdr wrong", () -> valid().sizeofHdr(123).bytes(),
            "sizeof_hdr is 123 (2063597568 byte-swapped), expected 348"),
        bad("dim[0] zero", () -> valid().dim(0, 0).bytes(),
            "dim[0] = 0 is not a number of dimensions (1..7)"),
        bad("dim[2] zero", () -> valid().dim(2, 0).bytes(), "dim[2] = 0 is not positive"),
        bad("dim[3] negative", () -> valid().dim(3, -4).bytes(), "dim[3] = -4 is not positive"),
        bad("voxel count overflow", () -> valid().dims(32767, 32767, 32767).bytes(),
            "voxel count 32767x32767x32767 = 35181150961663 overflows one array"),
        bad("zero pixdim", () -> valid().pixdim(1, 1, 0, 1).bytes(),
            "pixdim[2] = 0.0 is not a voxel spacing"),
        bad("NaN pixdim", () -> valid().pixdim(1, Float.NaN).bytes(),
            "pixdim[1] = NaN is not a voxel spacing"),
        bad("negative pixdim", () -> valid().pixdim(1, 1, 1, -3).bytes(),
            "pixdim[3] = -3.0 is not a voxel spacing"),
        bad("vox_offset below 352", () -> valid().voxOffset(348).bytes(),
            "vox_offset 348.0 is not a whole number of bytes >= 352"),
        bad("fractional vox_offset", () -> valid().voxOffset(352.5f).bytes(),
            "vox_offset 352.5 is not a whole number of bytes >= 352"),
        bad("complex datatype", () -> valid().datatype(32, 64).bytes(),
            "datatype 32 (COMPLEX64) is not supported"),
        bad("RGB datatype", () -> valid().datatype(128, 24).bytes(),
            "datatype 128 (RGB24) is not supported"),
        bad("unknown datatype", () -> valid().datatype(3, 16).bytes(),
            "datatype 3 (not a NIfTI-1 datatype) is not supported"),
        bad("bitpix disagrees", () -> valid().datatype(16, 16).bytes(),
            "bitpix 16 does not match datatype FLOAT32 (32 bits)"),
        bad("quaternion not a rotation", () -> valid().qform(1, 1, 1, 1, 0, 0, 0).bytes(),
            "bad qform (qform_code 1): quaternion (b, c, d) = (1.0, 1.0, 1.0)"),
        bad("singular sform", () -> valid().sform(1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
            .bytes(), "SFORM affine is singular (a zero or collinear voxel axis)"),
        bad("collinear sform axes", () -> valid().sform(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0)
            .bytes(), "SFORM affine is singular"),
        bad("NaN in sform", () -> valid().sform(1, Float.NaN, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0)
            .bytes(), "bad sform (sform_code 1): affine has a non-finite entry"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void rejectsWithAMessageNamingFileAndReason(String name, Supplier<byte[]> file,
      String expected) {
    NiftiFormatException e = assertThrows(NiftiFormatException.class,
        () -> NiftiReader.read(new ByteArrayInputStream(file.get()), SOURCE));
    assertEquals(SOURCE, e.source());
    assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
  }

  @Test
  void reportsATruncatedGzipStream() {
    byte[] gz = valid().gzipped();
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    NiftiFormatException e = assertThrows(NiftiFormatException.class,
        () -> NiftiReader.read(new ByteArrayInputStream(cut), SOURCE));
    assertTrue(e.getMessage().startsWith(SOURCE + ": truncated gzip stream"), e.getMessage());
  }

  @Test
  void reportsAGzipStreamCutInItsTrailer() {
    byte[] gz = valid().gzipped();
    byte[] cut = Arrays.copyOf(gz, gz.length - 3); // all voxels present, CRC/length incomplete
    NiftiFormatException e = assertThrows(NiftiFormatException.class,
        () -> NiftiReader.read(new ByteArrayInputStream(cut), SOURCE));
    assertTrue(e.getMessage().startsWith(SOURCE + ": truncated gzip stream"), e.getMessage());
  }

  @Test
  void reportsACorruptGzipStream() {
    byte[] gz = valid().gzipped();
    gz[gz.length - 6] ^= 0x5A; // inside the CRC-32 of the trailer
    NiftiFormatException e = assertThrows(NiftiFormatException.class,
        () -> NiftiReader.read(new ByteArrayInputStream(gz), SOURCE));
    assertTrue(e.getMessage().startsWith(SOURCE + ": corrupt gzip stream"), e.getMessage());
  }

  @Test
  void rejectsANegativeVolumeIndexAsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> NiftiReader.readVolume(
        new ByteArrayInputStream(valid().bytes()), SOURCE, -1));
  }
}
