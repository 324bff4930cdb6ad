package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real files converted by dcmtk into the other transfer syntaxes read to the same attributes and
 * pixels as the originals; compressed syntaxes read their header and refuse pixels by name.
 */
class DicomTransferSyntaxTest {
  @TempDir Path tmp;

  static Stream<Arguments> conversions() {
    List<Path> files = List.of(
        IbsiFiles.petSlice(),
        IbsiFiles.sample("STS_001", "CT", 2).get(1),
        IbsiFiles.rtstruct("STS_001", "PET"),
        IbsiFiles.sample("STS_001", "MR_T1", 2).get(0));
    List<Object[]> syntaxes = List.of(
        new Object[] {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, new String[] {"+te"}},
        new Object[] {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, new String[] {"+te", "-e"}},
        new Object[] {TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, new String[] {"+tb"}},
        new Object[] {TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, new String[] {"+tb", "-e"}},
        new Object[] {TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, new String[] {"+td"}},
        new Object[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, new String[] {"+ti", "+e"}});
    return files.stream().flatMap(f -> syntaxes.stream()
        .map(s -> Arguments.of(f.getParent().getParent().getFileName() + "/"
            + f.getFileName(), f, s[0], s[1])));
  }

  @ParameterizedTest(name = "{0} as {2} {3}")
  @MethodSource("conversions")
  void convertedFileReadsLikeTheOriginal(String name, Path original, TransferSyntax syntax,
      String[] options) throws Exception {
    Path converted = Dcmtk.convert("dcmconv", original, tmp.resolve("converted.dcm"), options);
    DicomFile a = DicomReader.read(original);
    DicomFile b = DicomReader.read(converted);

    assertEquals(syntax, b.transferSyntax());
    DatasetAssertions.assertSameContent(a.dataset(), b.dataset(), name);
    DumpComparison.assertMatches(Dcmdump.dump(converted), b);
    if (a.dataset().has(DicomTags.PIXEL_DATA)) {
      assertSamePixels(a.pixels(), b.pixels());
    }
  }

  static Stream<Arguments> rawDatasets() {
    return Stream.of(IbsiFiles.petSlice(), IbsiFiles.rtstruct("STS_001", "CT"))
        .flatMap(f -> Stream.of(
            Arguments.of(f, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, "+ti"),
            Arguments.of(f, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "+te")));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("rawDatasets")
  void rawDatasetWithoutPart10HeaderReads(Path original, TransferSyntax syntax, String option)
      throws Exception {
    Path raw = Dcmtk.convert("dcmconv", original, tmp.resolve("raw.dcm"), option, "-F");
    byte[] bytes = Files.readAllBytes(raw);
    assertFalse(new String(bytes, 128, 4, StandardCharsets.US_ASCII).equals("DICM"),
        "dcmconv -F writes no Part 10 header");
    DicomFile b = DicomReader.read(raw);
    assertEquals(syntax, b.transferSyntax(), "syntax detected from the first element");
    assertEquals(0, b.fileMeta().size());
    DatasetAssertions.assertSameContent(DicomReader.read(original).dataset(), b.dataset(),
        original.toString());
  }

  static Stream<Arguments> compressions() {
    return Stream.of(
        Arguments.of("dcmcjpeg", new String[] {}, "1.2.840.10008.1.2.4.70", "JPEG Lossless"),
        Arguments.of("dcmcjpeg", new String[] {"+el"}, "1.2.840.10008.1.2.4.57",
            "JPEG Lossless, Non-Hierarchical (Process 14)"),
        Arguments.of("dcmcjpls", new String[] {}, "1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
        Arguments.of("dcmcrle", new String[] {}, "1.2.840.10008.1.2.5", "RLE Lossless"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("compressions")
  void compressedPixelDataIsRefusedNamingTheSyntax(String tool, String[] options, String uid,
      String name) throws Exception {
    Path original = IbsiFiles.petSlice();
    Path compressed = Dcmtk.convert(tool, original, tmp.resolve("compressed.dcm"), options);

    DicomFile file = DicomReader.read(compressed);
    assertEquals(uid, file.transferSyntax().uid());
    assertTrue(file.transferSyntax().isEncapsulated());
    assertTrue(file.dataset().get(DicomTags.PIXEL_DATA).isEncapsulated());
    DumpComparison.assertMatches(Dcmdump.dump(compressed), file);
    assertEquals(DicomReader.read(original).dataset().requireString(DicomTags.SOP_INSTANCE_UID),
        file.dataset().requireString(DicomTags.SOP_INSTANCE_UID), "header stays readable");

    DicomFormatException e = assertThrows(DicomFormatException.class, file::pixels);
    assertTrue(e.getMessage().contains(uid), e.getMessage());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().startsWith(compressed.toString()), e.getMessage());
  }

  private static void assertSamePixels(DicomPixels a, DicomPixels b) throws Exception {
    assertEquals(a.frames(), b.frames());
    assertEquals(a.rows(), b.rows());
    assertEquals(a.columns(), b.columns());
    for (int k = 0; k < a.frames(); k++) {
      assertArrayEquals(a.storedFrame(k), b.storedFrame(k), "stored frame " + k);
      assertArrayEquals(a.frame(k), b.frame(k), "rescaled frame " + k);
    }
  }
}
