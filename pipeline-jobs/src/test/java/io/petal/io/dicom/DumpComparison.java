package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Asserts that a parsed dataset holds exactly what dcmdump printed, recursively through
 * sequences: the same tags, VRs (UN allowed where an implicit VR file has a tag the dictionary
 * lacks), value lengths, item counts, and values (text compared value by value, numbers as
 * numbers, OB/OW/UN byte by byte or word by word).
 */
final class DumpComparison {
  private DumpComparison() {}

  /** Compares {@code file}'s meta group and dataset with {@code dump}. */
  static void assertMatches(Dcmdump.Dump dump, DicomFile file) throws DicomFormatException {
    boolean implicit = !file.transferSyntax().isExplicitVr();
    assertDataset(dump.meta(), file.fileMeta(), false, file.source() + " meta");
    assertDataset(dump.dataset(), file.dataset(), implicit, file.source());
  }

  static void assertDataset(List<Dcmdump.Element> expected, DicomObject actual, boolean implicit,
      String where) throws DicomFormatException {
    assertEquals(expected.size(), actual.size(), where + ": number of elements");
    for (Dcmdump.Element e : expected) {
      DicomElement mine = actual.get(e.tag());
      String at = where + " " + DicomTags.format(e.tag());
      assertNotNull(mine, at + " missing");
      assertElement(e, mine, implicit, at);
    }
  }

  private static void assertElement(Dcmdump.Element e, DicomElement mine, boolean implicit,
      String at) throws DicomFormatException {
    VR vr = VR.valueOf(e.vr());
    if (mine.vr() == VR.UN && vr != VR.UN) {
      assertTrue(implicit && !DicomDictionary.standard().contains(e.tag()),
          at + " read as UN although dcmdump knows it as " + vr);
    } else {
      assertEquals(vr, mine.vr(), at + " VR");
    }
    if (e.isSequence()) {
      List<DicomObject> items = mine.items();
      assertEquals(e.items().size(), items.size(), at + " number of items");
      for (int i = 0; i < items.size(); i++) {
        assertDataset(e.items().get(i), items.get(i), implicit, at + "[" + i + "]");
      }
      return;
    }
    if (mine.isEncapsulated()) {
      assertTrue(e.length() == -1 && e.value().startsWith("(PixelSequence"),
          at + " is encapsulated pixel data but dcmdump shows " + e.value());
      return;
    }
    assertEquals(e.length(), mine.length(), at + " value length");
    assertValue(e, mine.as(vr), vr, at);
  }

  private static void assertValue(Dcmdump.Element e, DicomElement mine, VR vr, String at)
      throws DicomFormatException {
    String text = e.text();
    if (text.equals("(not loaded)")) {
      return;
    }
    switch (vr.kind()) {
      case ASCII_TEXT:
      case CHARSET_TEXT:
        // dcmdump prints the file's bytes; compare in that encoding.
        String[] mineValues = mine.getStrings();
        for (int i = 0; i < mineValues.length; i++) {
          mineValues[i] = new String(mineValues[i].getBytes(mine.owner().charset()),
              StandardCharsets.ISO_8859_1);
        }
        assertArrayEquals(splitText(text, vr), mineValues, at + " value");
        if (vr == VR.DS || vr == VR.IS) {
          assertArrayEquals(numbers(text), mine.getDoubles(), 0.0, at + " numbers");
        }
        break;
      case SIGNED:
      case UNSIGNED:
      case FLOAT:
        double[] expected = vr == VR.OW ? hexWords(text) : numbers(text);
        double[] actual = mine.getDoubles();
        assertEquals(expected.length, actual.length, at + " value count");
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], actual[i], Math.abs(expected[i]) * 1e-6, at + " value " + i);
        }
        break;
      case BYTES:
        assertArrayEquals(hexBytes(text), mine.bytes(), at + " bytes");
        break;
      case TAG:
        assertArrayEquals(text.split("\\\\"), mine.getStrings(), at + " tags");
        break;
      default:
        throw new AssertionError(at + ": unexpected VR " + vr);
    }
  }

  private static String[] splitText(String text, VR vr) {
    if (text.isEmpty()) {
      return new String[0];
    }
    if (vr == VR.LT || vr == VR.ST || vr == VR.UT || vr == VR.UR) {
      return new String[] {text.stripTrailing()};
    }
    String[] parts = text.split("\\\\", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }

  static double[] numbers(String text) {
    if (text.isEmpty()) {
      return new double[0];
    }
    String[] parts = text.split("\\\\");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i].strip());
    }
    return out;
  }

  static double[] hexWords(String text) {
    if (text.isEmpty()) {
      return new double[0];
    }
    String[] parts = text.split("\\\\");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  private static byte[] hexBytes(String text) {
    if (text.isEmpty()) {
      return new byte[0];
    }
    String[] parts = text.split("\\\\");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }
}
