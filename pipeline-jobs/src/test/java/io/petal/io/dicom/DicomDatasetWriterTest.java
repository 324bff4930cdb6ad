package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main-code DICOM writer: a Part 10 file with text, numbers, tags, nested sequences and pixel
 * data that dcmdump reads element for element as Petal's reader does; DS values kept within 16
 * characters; derived UIDs valid and stable.
 */
class DicomDatasetWriterTest {
  @TempDir Path dir;

  private static DicomDatasetWriter dataset() {
    return new DicomDatasetWriter()
        .texts(DicomTags.IMAGE_TYPE, VR.CS, "ORIGINAL", "PRIMARY")
        .text(DicomTags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.20")
        .text(DicomTags.SOP_INSTANCE_UID, VR.UI, DicomUids.fromName("writer test"))
        .text(DicomTags.PATIENT_NAME, VR.PN, "Doe^Jo")
        .is(DicomTags.NUMBER_OF_FRAMES, 2)
        .at(DicomTags.FRAME_INCREMENT_POINTER, DicomTags.DETECTOR_VECTOR)
        .ds(DicomTags.PIXEL_SPACING, 2.5, 1.0 / 3)
        .fd(DicomTags.FRAME_ACQUISITION_DURATION, 1500.25)
        .us(DicomTags.DETECTOR_VECTOR, 1, 2)
        .sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE,
            new DicomDatasetWriter().sequence(DicomTags.VIEW_CODE_SEQUENCE,
                new DicomDatasetWriter().text(DicomTags.CODE_MEANING, VR.LO, "anterior projection")),
            new DicomDatasetWriter())
        .bytes(DicomTags.PIXEL_DATA, VR.OW, DicomDatasetWriter.words(0, 1, 65535, 7));
  }

  @Test
  void dcmdumpAndPetalReadTheSameElements() throws Exception {
    Path file = dir.resolve("w.dcm");
    Files.write(file, dataset().toPart10(DicomUids.fromName("impl")));
    DicomFile read = DicomReader.read(file);
    DumpComparison.assertMatches(Dcmdump.dump(file), read);
    DicomObject ds = read.dataset();
    assertEquals("Doe^Jo", ds.getString(DicomTags.PATIENT_NAME));
    assertArrayEquals(new int[] {1, 2}, ds.getInts(DicomTags.DETECTOR_VECTOR));
    assertEquals(2, ds.getInt(DicomTags.NUMBER_OF_FRAMES, 0));
    assertEquals(1.0 / 3, ds.getDoubles(DicomTags.PIXEL_SPACING)[1], 1e-12);
    assertEquals("anterior projection", ds.getSequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE).get(0)
        .getSequence(DicomTags.VIEW_CODE_SEQUENCE).get(0).getString(DicomTags.CODE_MEANING));
    assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, read.transferSyntax());
  }

  @Test
  void dsValuesFitSixteenCharactersAndMustBeFinite() {
    assertEquals("2.5", DicomDatasetWriter.decimalString(2.5));
    assertEquals("0.33333333333333", DicomDatasetWriter.decimalString(1.0 / 3));
    String tiny = DicomDatasetWriter.decimalString(-1.234567890123e-12);
    assertTrue(tiny.length() <= 16 && Math.abs(Double.parseDouble(tiny) + 1.234567890123e-12) < 1e-20, tiny);
    assertThrows(IllegalArgumentException.class, () -> DicomDatasetWriter.decimalString(Double.NaN));
  }

  @Test
  void aPart10FileNeedsTheSopUids() {
    assertThrows(IllegalStateException.class, () -> new DicomDatasetWriter().toPart10("2.25.1"));
  }

  @Test
  void derivedUidsAreValidAndStable() {
    String uid = DicomUids.fromName("a study");
    assertEquals(uid, DicomUids.fromName("a study"));
    assertTrue(!uid.equals(DicomUids.fromName("another study")));
    assertTrue(uid.matches("2\\.25\\.(0|[1-9][0-9]*)") && uid.length() <= 64, uid);
  }
}
