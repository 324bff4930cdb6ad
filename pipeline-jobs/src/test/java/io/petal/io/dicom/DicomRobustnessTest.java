package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged input: files cut at many offsets and files with random bytes changed either fail with
 * a {@link DicomFormatException} that names the file, or (cut exactly between two top-level
 * elements) read as an exact prefix of the original; never another exception, never garbage.
 */
class DicomRobustnessTest {
  @TempDir Path tmp;

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("PET implicit", IbsiFiles.petSlice(), null),
        Arguments.of("PET explicit BE", IbsiFiles.petSlice(), "+tb"),
        Arguments.of("PET explicit, defined lengths", IbsiFiles.petSlice(), "+te"),
        Arguments.of("PET deflated", IbsiFiles.petSlice(), "+td"),
        Arguments.of("RTSTRUCT implicit", IbsiFiles.rtstruct("STS_001", "PET"), null),
        Arguments.of("CT implicit", IbsiFiles.series("STS_001", "CT").get(7), null));
  }

  private Path prepare(Path original, String dcmconvOption) throws Exception {
    return dcmconvOption == null ? original
        : Dcmtk.convert("dcmconv", original, tmp.resolve("converted.dcm"), dcmconvOption);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void cutFileFailsClearlyOrReadsAnExactPrefix(String name, Path original, String option)
      throws Exception {
    byte[] bytes = Files.readAllBytes(prepare(original, option));
    DicomFile whole = DicomReader.read(bytes, name);
    int step = Math.max(1, bytes.length / 400);
    int failures = 0;
    for (int cut = 0; cut < bytes.length; cut += step + (cut % 7)) {
      byte[] head = Arrays.copyOf(bytes, cut);
      String source = name + " cut at " + cut;
      try {
        DicomFile part = DicomReader.read(head, source);
        assertPrefixOf(whole.dataset(), part.dataset(), source);
        if (whole.dataset().has(DicomTags.PIXEL_DATA)) {
          assertThrows(DicomFormatException.class, part::pixels, source + " has no full pixels");
        }
      } catch (DicomFormatException e) {
        failures++;
        assertTrue(e.getMessage().startsWith(source + ": ") && e.reason().length() > 10,
            e.getMessage());
      } catch (RuntimeException e) {
        throw new AssertionError(source + " threw " + e, e);
      }
    }
    assertTrue(failures > 100, name + ": most cuts fail, " + failures);
  }

  @Test
  void truncationMessagesSayWhatIsMissing() throws Exception {
    byte[] pet = Files.readAllBytes(IbsiFiles.petSlice());
    assertReason(Arrays.copyOf(pet, 100), "not a DICOM file");
    assertReason(Arrays.copyOf(pet, 150), "truncated element header");
    assertReason(Arrays.copyOf(pet, pet.length - 1), "has length 3526 but only 3525 bytes remain"
        + " in the file (truncated file?)");
    byte[] undefinedLengths = new TestDicom().sequence(DicomTags.ROI_CONTOUR_SEQUENCE,
        new TestDicom().ds(DicomTags.CONTOUR_DATA, 1, 2, 3))
        .toPart10(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, true);
    assertReason(Arrays.copyOf(undefinedLengths, undefinedLengths.length - 8),
        "(3006,0039) ROIContourSequence (sequence not closed by a delimitation item)");
    assertReason(Arrays.copyOf(undefinedLengths, undefinedLengths.length - 16),
        "item of undefined length is not closed");

    byte[] deflated = Files.readAllBytes(
        Dcmtk.convert("dcmconv", IbsiFiles.petSlice(), tmp.resolve("d.dcm"), "+td"));
    assertReason(Arrays.copyOf(deflated, deflated.length - 100), "deflated dataset is truncated");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void randomlyDamagedBytesNeverEscapeAsOtherExceptions(String name, Path original,
      String option) throws Exception {
    byte[] bytes = Files.readAllBytes(prepare(original, option));
    Random random = new Random(name.hashCode());
    int limit = Math.min(bytes.length, 6000); // the header, where the structure is
    int trials = bytes.length > 100_000 ? 300 : 1500; // keeps the large RTSTRUCT fast
    for (int trial = 0; trial < trials; trial++) {
      byte[] damaged = bytes.clone();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        damaged[random.nextInt(limit)] = (byte) random.nextInt(256);
      }
      String source = name + " trial " + trial;
      try {
        DicomFile file = DicomReader.read(damaged, source);
        readEverything(file.dataset());
        if (file.dataset().has(DicomTags.PIXEL_DATA)) {
          DicomPixels px = file.pixels();
          px.frame(px.frames() - 1);
        }
      } catch (DicomFormatException expected) {
        assertTrue(expected.getMessage().startsWith(source + ": "), expected.getMessage());
      } catch (RuntimeException e) {
        throw new AssertionError(source + " threw " + e, e);
      }
    }
  }

  /** Decodes every value the way a caller might, recursing into sequences. */
  private static void readEverything(DicomObject ds) throws DicomFormatException {
    for (DicomElement e : ds.elements()) {
      if (e.isSequence()) {
        for (DicomObject item : e.items()) {
          readEverything(item);
        }
      } else if (!e.isEncapsulated()) {
        try {
          e.getStrings();
          if (e.vr() == VR.DS || e.vr() == VR.IS || e.vr().isBinaryNumber()) {
            e.getDoubles();
          }
        } catch (DicomFormatException malformedValue) {
          assertTrue(malformedValue.getMessage().contains(DicomTags.format(e.tag())),
              malformedValue.getMessage());
        }
      }
    }
  }

  private static void assertPrefixOf(DicomObject whole, DicomObject part, String source)
      throws DicomFormatException {
    List<DicomElement> all = List.copyOf(whole.elements());
    List<DicomElement> got = List.copyOf(part.elements());
    assertTrue(got.size() <= all.size(), source);
    for (int i = 0; i < got.size(); i++) {
      assertEquals(all.get(i).tag(), got.get(i).tag(), source + " element " + i);
    }
    DatasetAssertions.assertSameContent(prefix(whole, got.size()), part, source);
  }

  private static DicomObject prefix(DicomObject ds, int count) throws DicomFormatException {
    DicomObject out = new DicomObject(ds.source(), null);
    int i = 0;
    for (DicomElement e : ds.elements()) {
      if (i++ == count) {
        break;
      }
      out.add(e, 0);
    }
    return out;
  }

  private static void assertReason(byte[] bytes, String expected) {
    DicomFormatException e = assertThrows(DicomFormatException.class,
        () -> DicomReader.read(bytes, "f.dcm").pixels());
    assertTrue(e.getMessage().startsWith("f.dcm: ") && e.getMessage().contains(expected),
        e.getMessage());
  }
}
