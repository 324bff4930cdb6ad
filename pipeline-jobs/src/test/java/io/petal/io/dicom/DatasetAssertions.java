package io.petal.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * Asserts that two parsed datasets hold the same attributes with the same values, whatever their
 * transfer syntax: the same tags in the same order at every depth, values compared by the VR the
 * explicit side states (an implicit side's UN is decoded with it), numbers as numbers, so byte
 * order does not matter.
 */
final class DatasetAssertions {
  private DatasetAssertions() {}

  static void assertSameContent(DicomObject expected, DicomObject actual, String where)
      throws DicomFormatException {
    List<Integer> expectedTags = expected.elements().stream().map(DicomElement::tag).toList();
    List<Integer> actualTags = actual.elements().stream().map(DicomElement::tag).toList();
    assertEquals(expectedTags.stream().map(DicomTags::format).toList(),
        actualTags.stream().map(DicomTags::format).toList(), where + ": tags");
    for (DicomElement e : expected.elements()) {
      assertSameElement(e, actual.get(e.tag()), where + " " + DicomTags.format(e.tag()));
    }
  }

  private static void assertSameElement(DicomElement expected, DicomElement actual, String at)
      throws DicomFormatException {
    if (expected.isSequence() || actual.isSequence()) {
      List<DicomObject> a = expected.items();
      List<DicomObject> b = actual.items();
      assertEquals(a.size(), b.size(), at + " items");
      for (int i = 0; i < a.size(); i++) {
        assertSameContent(a.get(i), b.get(i), at + "[" + i + "]");
      }
      return;
    }
    VR vr = expected.vr() == VR.UN ? actual.vr() : expected.vr();
    if (expected.vr() != VR.UN && actual.vr() != VR.UN) {
      assertEquals(expected.vr(), actual.vr(), at + " VR");
    }
    DicomElement a = expected.as(vr);
    DicomElement b = actual.as(vr);
    switch (vr.kind()) {
      case SIGNED:
      case UNSIGNED:
      case FLOAT:
        assertArrayEquals(a.getDoubles(), b.getDoubles(), 0.0, at + " numbers");
        break;
      case BYTES:
        assertArrayEquals(a.bytes(), b.bytes(), at + " bytes");
        break;
      default:
        assertArrayEquals(a.getStrings(), b.getStrings(), at + " values");
    }
  }
}
