package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structure, typed getters, private tags, character sets and errors on synthetic files. */
class DicomReaderTest {
  private static final TransferSyntax IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
  private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

  private static DicomObject read(TestDicom ds, TransferSyntax ts, boolean undefinedLengths)
      throws DicomFormatException {
    return DicomReader.read(ds.toPart10(ts, undefinedLengths), "test.dcm").dataset();
  }

  /** A segmentation-like dataset with sequences three levels deep. */
  private static TestDicom nested() {
    TestDicom code = new TestDicom().text(DicomTags.CODE_VALUE, VR.SH, "M-8000")
        .text(DicomTags.CODING_SCHEME_DESIGNATOR, VR.SH, "SRT")
        .text(DicomTags.CODE_MEANING, VR.LO, "Neoplasm");
    TestDicom frame = new TestDicom()
        .sequence(DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE,
            new TestDicom().us(DicomTags.REFERENCED_SEGMENT_NUMBER, 2))
        .sequence(DicomTags.PLANE_POSITION_SEQUENCE,
            new TestDicom().ds(DicomTags.IMAGE_POSITION_PATIENT, -12.5, 40, -880.25));
    return new TestDicom()
        .text(DicomTags.MODALITY, VR.CS, "SEG")
        .text(DicomTags.IMAGE_TYPE, VR.CS, "DERIVED\\PRIMARY")
        .sequence(DicomTags.SEGMENT_SEQUENCE,
            new TestDicom().us(DicomTags.SEGMENT_NUMBER, 1).text(DicomTags.SEGMENT_LABEL, VR.LO,
                "liver"),
            new TestDicom().us(DicomTags.SEGMENT_NUMBER, 2).text(DicomTags.SEGMENT_LABEL, VR.LO,
                "lesion").sequence(DicomTags.SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE, code))
        .sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, frame, frame.copy());
  }

  @Test
  void nestedSequencesReadTheSameInEveryEncoding() throws Exception {
    for (TransferSyntax ts : List.of(IMPLICIT, EXPLICIT)) {
      for (boolean undefined : new boolean[] {false, true}) {
        String how = ts.name() + (undefined ? ", undefined lengths" : ", defined lengths");
        DicomObject seg = read(nested(), ts, undefined);
        assertArrayEquals(new String[] {"DERIVED", "PRIMARY"}, seg.getStrings(
            DicomTags.IMAGE_TYPE), how);
        List<DicomObject> segments = seg.getSequence(DicomTags.SEGMENT_SEQUENCE);
        assertEquals(2, segments.size(), how);
        assertEquals("lesion", segments.get(1).requireString(DicomTags.SEGMENT_LABEL), how);
        assertEquals("Neoplasm", segments.get(1)
            .getItem(DicomTags.SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE, 0)
            .requireString(DicomTags.CODE_MEANING), how);
        List<DicomObject> frames = seg.getSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
        assertEquals(2, frames.size(), how);
        DicomObject position = frames.get(1).getItem(DicomTags.PLANE_POSITION_SEQUENCE, 0);
        assertArrayEquals(new double[] {-12.5, 40, -880.25},
            position.requireDoubles(DicomTags.IMAGE_POSITION_PATIENT, 3), 0.0, how);
        assertEquals(2, frames.get(0).getItem(DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE, 0)
            .requireInt(DicomTags.REFERENCED_SEGMENT_NUMBER), how);
        assertEquals(seg, frames.get(0).parent(), "items know their dataset");
      }
    }
  }

  @Test
  void definedLengthSequenceMayHoldUndefinedLengthItems() throws Exception {
    ByteArrayOutputStream item = new ByteArrayOutputStream();
    byte[] name = "GTV ".getBytes();
    item.writeBytes(TestDicom.header(DicomTags.ITEM, null, -1, false));
    item.writeBytes(TestDicom.header(DicomTags.ROI_NAME, VR.LO, name.length, true));
    item.writeBytes(name);
    item.writeBytes(TestDicom.header(DicomTags.ITEM_DELIMITATION, null, 0, false));
    ByteArrayOutputStream ds = new ByteArrayOutputStream();
    ds.writeBytes(TestDicom.header(DicomTags.STRUCTURE_SET_ROI_SEQUENCE, VR.SQ, item.size(), true));
    ds.writeBytes(item.toByteArray());
    DicomObject read = DicomReader.read(part10(EXPLICIT, ds.toByteArray()), "mixed").dataset();
    assertEquals("GTV", read.getItem(DicomTags.STRUCTURE_SET_ROI_SEQUENCE, 0)
        .requireString(DicomTags.ROI_NAME));
  }

  @Test
  void unknownSequencesReadAsItemsOnRequest() throws Exception {
    int unknownSequence = 0x00089092; // ReferencedImageEvidenceSequence, not in the dictionary
    assertFalse(DicomDictionary.standard().contains(unknownSequence));
    TestDicom ds = new TestDicom().sequence(unknownSequence,
        new TestDicom().text(DicomTags.REFERENCED_SOP_INSTANCE_UID, VR.UI, "1.2.3"));
    DicomObject implicit = read(ds, IMPLICIT, false);
    assertEquals(VR.UN, implicit.get(unknownSequence).vr(), "implicit, defined length: UN");
    assertEquals("1.2.3", implicit.getItem(unknownSequence, 0)
        .requireString(DicomTags.REFERENCED_SOP_INSTANCE_UID));
    assertTrue(read(ds, IMPLICIT, true).get(unknownSequence).isSequence(),
        "undefined length is always a sequence");

    // Explicit VR UN of undefined length holds implicit VR little endian items (PS3.5 6.2.2).
    byte[] content = new TestDicom().sequence(unknownSequence,
        new TestDicom().text(DicomTags.REFERENCED_SOP_INSTANCE_UID, VR.UI, "1.2.3"))
        .encode(false, true);
    ByteArrayOutputStream explicitUn = new ByteArrayOutputStream();
    explicitUn.writeBytes(TestDicom.header(unknownSequence, VR.UN, -1, true));
    explicitUn.write(content, 8, content.length - 8); // implicit header replaced
    DicomObject un = DicomReader.read(part10(EXPLICIT, explicitUn.toByteArray()), "un")
        .dataset();
    assertEquals("1.2.3", un.getItem(unknownSequence, 0)
        .requireString(DicomTags.REFERENCED_SOP_INSTANCE_UID));
  }

  @Test
  void privateTagsResolveThroughTheirCreatorAndDecodeWithTheirVr() throws Exception {
    TestDicom philips = new TestDicom()
        .text(0x70530010, VR.LO, "Philips PET Private Group")
        .text(0x70531000, VR.DS, "0.000728")
        .text(0x70531009, VR.DS, "1.5");
    for (TransferSyntax ts : List.of(IMPLICIT, EXPLICIT)) {
      DicomObject ds = read(philips, ts, false);
      DicomElement factor = ds.getPrivate(DicomTags.PHILIPS_SUV_SCALE_FACTOR);
      assertEquals(VR.DS, factor.vr(), ts.name());
      assertEquals(0.000728, factor.getDoubles()[0], 0.0);
      assertEquals(1.5, ds.getPrivate(DicomTags.PHILIPS_ACTIVITY_CONCENTRATION_SCALE_FACTOR)
          .getDoubles()[0], 0.0);
    }
    // Another vendor holds block 0x10; Philips holds 0x11.
    TestDicom shifted = new TestDicom()
        .text(0x70530010, VR.LO, "OTHER VENDOR")
        .text(0x70530011, VR.LO, "Philips PET Private Group")
        .text(0x70531000, VR.DS, "99")
        .text(0x70531100, VR.DS, "0.25");
    DicomObject ds = read(shifted, IMPLICIT, false);
    assertEquals(0.25, ds.getPrivate(DicomTags.PHILIPS_SUV_SCALE_FACTOR).getDoubles()[0], 0.0);
    assertNull(ds.getPrivate(DicomTags.GE_POST_INJECTION_DATE_TIME));
    DicomObject othersOnly = read(shifted.copy().remove(0x70530011).remove(0x70531100),
        IMPLICIT, false);
    assertNull(othersOnly.getPrivate(DicomTags.PHILIPS_SUV_SCALE_FACTOR), "not Philips' data");
    DicomObject noCreator = read(new TestDicom().text(0x0009100D, VR.DT, "20201217095621.00"),
        IMPLICIT, false);
    assertEquals("20201217095621.00",
        noCreator.getPrivate(DicomTags.GE_POST_INJECTION_DATE_TIME).getString());
  }

  @Test
  void typedGettersDecodeAndNameWhatIsWrong() throws Exception {
    DicomObject ds = read(new TestDicom()
        .ds(DicomTags.PIXEL_SPACING, 0.9765625, 0.9765625)
        .text(DicomTags.SLICE_THICKNESS, VR.DS, " 3.27 ")
        .text(DicomTags.SERIES_NUMBER, VR.IS, "+12")
        .text(DicomTags.RESCALE_SLOPE, VR.DS, "abc")
        .us(DicomTags.ROWS, 512)
        .fd(DicomTags.FRAME_ACQUISITION_DURATION, 120000.5)
        .text(DicomTags.PATIENT_NAME, VR.PN, "Doe^John")
        .text(DicomTags.STRUCTURE_SET_NAME, VR.LO, ""), EXPLICIT, false);
    assertArrayEquals(new double[] {0.9765625, 0.9765625}, ds.getDoubles(
        DicomTags.PIXEL_SPACING), 0);
    assertEquals(3.27, ds.requireDouble(DicomTags.SLICE_THICKNESS), 0, "padding trimmed");
    assertEquals(12, ds.requireInt(DicomTags.SERIES_NUMBER));
    assertEquals(512, ds.requireInt(DicomTags.ROWS));
    assertEquals(120000.5, ds.requireDouble(DicomTags.FRAME_ACQUISITION_DURATION), 0);
    assertEquals("Doe^John", ds.getString(DicomTags.PATIENT_NAME));
    assertNull(ds.getString(DicomTags.STRUCTURE_SET_NAME), "empty reads as null");
    assertEquals("none", ds.getString(DicomTags.STRUCTURE_SET_NAME, "none"));
    assertEquals(1.0, ds.getDouble(DicomTags.RESCALE_INTERCEPT, 1.0), 0, "absent: default");
    assertEquals(0, ds.getDoubles(DicomTags.RESCALE_INTERCEPT).length);

    DicomFormatException bad = assertThrows(DicomFormatException.class,
        () -> ds.requireDouble(DicomTags.RESCALE_SLOPE));
    assertEquals("test.dcm: (0028,1053) RescaleSlope value 1 'abc' is not a valid DS",
        bad.getMessage());
    DicomFormatException missing = assertThrows(DicomFormatException.class,
        () -> ds.requireDouble(DicomTags.RESCALE_INTERCEPT));
    assertEquals("test.dcm: missing (0028,1052) RescaleIntercept", missing.getMessage());
    DicomFormatException count = assertThrows(DicomFormatException.class,
        () -> ds.requireDoubles(DicomTags.PIXEL_SPACING, 3));
    assertTrue(count.getMessage().contains("has 2 values, expected 3"), count.getMessage());
    assertThrows(DicomFormatException.class, () -> ds.getDoubles(DicomTags.PATIENT_NAME));
    assertThrows(DicomFormatException.class, () -> ds.getSequence(DicomTags.ROWS));
  }

  @Test
  void textFollowsSpecificCharacterSetAlsoInsideItems() throws Exception {
    TestDicom utf8 = new TestDicom()
        .text(DicomTags.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192")
        .text(DicomTags.PATIENT_NAME, VR.PN, "Müller^Jörg")
        .sequence(DicomTags.STRUCTURE_SET_ROI_SEQUENCE,
            new TestDicom().text(DicomTags.ROI_NAME, VR.LO, "Läsion"));
    DicomObject ds = read(utf8, EXPLICIT, true);
    assertEquals("Müller^Jörg", ds.getString(DicomTags.PATIENT_NAME));
    assertEquals("Läsion", ds.getItem(DicomTags.STRUCTURE_SET_ROI_SEQUENCE, 0)
        .getString(DicomTags.ROI_NAME));
  }

  @Test
  void headerOnlyReadStopsBeforePixelData() throws Exception {
    byte[] file = new TestDicom().us(DicomTags.ROWS, 1).us(DicomTags.COLUMNS, 1)
        .us(DicomTags.BITS_ALLOCATED, 16)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, new byte[2])
        .text(0xFFFCFFFC, VR.OB, "padding").toPart10(EXPLICIT, false);
    DicomFile header = DicomReader.readHeader(file, "h.dcm");
    assertTrue(header.headerOnly());
    assertFalse(header.dataset().has(DicomTags.PIXEL_DATA));
    assertEquals(3, header.dataset().size());
    DicomFormatException e = assertThrows(DicomFormatException.class, header::pixels);
    assertTrue(e.getMessage().contains("header-only"), e.getMessage());
    DicomFile full = DicomReader.read(file, "h.dcm");
    assertFalse(full.headerOnly());
    assertEquals(5, full.dataset().size(), "elements after the pixel data are read too");
  }

  @Test
  void headerOnlyStreamReadsOnlyTheStartWhenTheHeaderFitsInIt() throws Exception {
    int rows = 256;
    TestDicom image = new TestDicom().us(DicomTags.ROWS, rows).us(DicomTags.COLUMNS, rows)
        .us(DicomTags.BITS_ALLOCATED, 16)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, new byte[2 * rows * rows]);
    byte[] small = image.toPart10(EXPLICIT, false);
    CountingStream in = new CountingStream(small);
    DicomFile header = DicomReader.readHeader(in, "small");
    assertTrue(header.headerOnly());
    assertEquals(rows, header.dataset().requireInt(DicomTags.COLUMNS));
    assertEquals(DicomReader.HEADER_PREFIX, in.count, "only the first bytes were read");

    byte[] longText = new byte[3 * DicomReader.HEADER_PREFIX];
    java.util.Arrays.fill(longText, (byte) 'x');
    byte[] large = image.copy().bytes(0x0040A160, VR.UT, longText).toPart10(EXPLICIT, false);
    DicomFile longHeader = DicomReader.readHeader(new CountingStream(large), "large");
    assertTrue(longHeader.headerOnly());
    assertEquals(longText.length, longHeader.dataset().get(0x0040A160).length());
    DatasetAssertions.assertSameContent(DicomReader.readHeader(large, "large").dataset(),
        longHeader.dataset(), "large");
  }

  @Test
  void headerOnlyReadOfAFileWithoutPixelDataReadsItAll() throws Exception {
    java.nio.file.Path rs = IbsiFiles.rtstruct("STS_001", "PET");
    assertTrue(java.nio.file.Files.size(rs) > DicomReader.HEADER_PREFIX);
    DicomFile header = DicomReader.readHeader(rs);
    assertFalse(header.headerOnly());
    DatasetAssertions.assertSameContent(DicomReader.read(rs).dataset(), header.dataset(),
        rs.toString());
  }

  /** A byte stream that counts what was read from it. */
  private static final class CountingStream extends java.io.ByteArrayInputStream {
    int count;

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      count += Math.max(0, n);
      return n;
    }

    @Override
    public synchronized int read() {
      int n = super.read();
      count += n < 0 ? 0 : 1;
      return n;
    }
  }

  @Test
  void malformedStructuresAreRefusedWithTheReason() throws Exception {
    assertMessage(new TestDicom().toPart10("1.2.840.10008.1.2.7", true, false),
        "unknown transfer syntax 1.2.840.10008.1.2.7");

    byte[] badItem = new TestDicom().sequence(DicomTags.CONTOUR_SEQUENCE,
        new TestDicom().ds(DicomTags.CONTOUR_DATA, 1, 2, 3)).toPart10(EXPLICIT, false);
    int item = indexOf(badItem, new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0});
    badItem[item + 2] = 0x10; // (FFFE,E010)
    assertMessage(badItem, "bad item tag (fffe,e010) in sequence (3006,0040) ContourSequence");

    byte[] badVr = new TestDicom().us(DicomTags.ROWS, 2).toPart10(EXPLICIT, false);
    badVr[indexOf(badVr, new byte[] {0x28, 0x00, 0x10, 0x00}) + 4] = 'Q';
    assertMessage(badVr, "element (0028,0010) Rows has an unknown VR 0x5153");

    byte[] twice = part10(EXPLICIT, concat(new TestDicom().us(DicomTags.ROWS, 2).encode(true,
        false), new TestDicom().us(DicomTags.ROWS, 3).encode(true, false)));
    assertMessage(twice, "duplicate element (0028,0010) Rows");

    byte[] jpeg = new TestDicom().bytes(DicomTags.PIXEL_DATA, VR.OB, new byte[0])
        .toPart10("1.2.840.10008.1.2.4.999", true, false);
    assertTrue(DicomReader.read(jpeg, "x.dcm").transferSyntax().isEncapsulated(),
        "an unknown UID of the JPEG family is some compressed syntax");
    assertMessage(jpeg, "compressed pixel data (1.2.840.10008.1.2.4.999) is not supported");
  }

  @Test
  void everyTagConstantIsInTheDictionaryUnderItsKeyword() throws Exception {
    int checked = 0;
    for (Field f : DicomTags.class.getFields()) {
      if (f.getType() != int.class || !Modifier.isStatic(f.getModifiers())
          || f.getName().startsWith("ITEM") || f.getName().equals("SEQUENCE_DELIMITATION")) {
        continue;
      }
      int tag = f.getInt(null);
      String keyword = DicomDictionary.standard().keyword(tag);
      assertTrue(keyword != null, f.getName() + " " + DicomTags.format(tag) + " not in dictionary");
      assertEquals(f.getName().replace("_", ""), keyword.toUpperCase(), DicomTags.format(tag));
      checked++;
    }
    assertTrue(checked > 150, "constants checked: " + checked);
  }

  private static void assertMessage(byte[] file, String expected) {
    DicomFormatException e = assertThrows(DicomFormatException.class,
        () -> DicomReader.read(file, "x.dcm").pixels());
    assertTrue(e.getMessage().startsWith("x.dcm: ") && e.getMessage().contains(expected),
        e.getMessage());
  }

  private static byte[] part10(TransferSyntax ts, byte[] dataset) {
    return concat(new TestDicom().toPart10(ts, false), dataset);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found");
  }
}
