package io.petal.io.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Maps SpecificCharacterSet (0008,0005) defined terms to Java charsets for the text VRs that
 * follow it (SH, LO, ST, LT, UT, PN, UC). Only single-byte and UTF-8/GB18030/GBK sets are mapped;
 * ISO 2022 code extensions (several terms, or escape sequences) fall back to the first set's
 * charset, and unknown terms to ISO-8859-1, which never fails and keeps ASCII intact.
 */
final class SpecificCharacterSets {
  private SpecificCharacterSets() {}

  /** The default repertoire (ASCII) read as ISO-8859-1, a lossless superset. */
  static final Charset DEFAULT = StandardCharsets.ISO_8859_1;

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("ISO_IR 6", "ISO-8859-1"),
          Map.entry("ISO_IR 100", "ISO-8859-1"),
          Map.entry("ISO_IR 101", "ISO-8859-2"),
          Map.entry("ISO_IR 109", "ISO-8859-3"),
          Map.entry("ISO_IR 110", "ISO-8859-4"),
          Map.entry("ISO_IR 144", "ISO-8859-5"),
          Map.entry("ISO_IR 127", "ISO-8859-6"),
          Map.entry("ISO_IR 126", "ISO-8859-7"),
          Map.entry("ISO_IR 138", "ISO-8859-8"),
          Map.entry("ISO_IR 148", "ISO-8859-9"),
          Map.entry("ISO_IR 203", "ISO-8859-15"),
          Map.entry("ISO_IR 166", "TIS-620"),
          Map.entry("ISO_IR 13", "Shift_JIS"),
          Map.entry("ISO_IR 192", "UTF-8"),
          Map.entry("GB18030", "GB18030"),
          Map.entry("GBK", "GBK"));

  /** The charset for the (first) defined term in {@code terms}; {@link #DEFAULT} if none. */
  static Charset forTerms(String[] terms) {
    for (String term : terms) {
      String trimmed = term.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String name = NAMES.get(trimmed.replace("ISO 2022 IR", "ISO_IR"));
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
      return DEFAULT;
    }
    return DEFAULT;
  }
}
