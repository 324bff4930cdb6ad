package io.petal.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportVocabularyTest {
  /** Four patients; "rib" in three patients' reports, "skull" in two, "zhang" (a name) in one patient's two reports. */
  private static final List<List<String>> PATIENTS = List.of(
      List.of("uptake in rib", "uptake in skull, mr zhang", "follow-up of mr zhang: uptake in skull"),
      List.of("uptake in rib", "uptake in skull"),
      List.of("uptake in rib and pelvis"),
      List.of("normal scan", ""));

  @Test
  void keepsOnlyTermsOfAtLeastThreePatients() {
    ReportVocabulary v = ReportVocabulary.fit(PATIENTS, 4096);
    assertEquals(7, v.reports(), "blank reports are not counted");
    assertTrue(v.has("w:rib") && v.has("c:rib"), "'rib' is in three patients' reports");
    assertTrue(!v.has("w:skull") && !v.has("c:sku"), "'skull' is in two patients' reports only");
    assertTrue(!v.has("w:zhang") && !v.has("c:zha"), "a name in one patient's reports never enters the vocabulary");
    String stored = new String(v.toBytes(), StandardCharsets.UTF_8);
    assertTrue(stored.contains("w:rib\t") && !stored.contains("zha") && !stored.contains("sku"), stored);
  }

  @Test
  void keepsTheMostFrequentTermsUpToTheDimension() {
    ReportVocabulary v = ReportVocabulary.fit(PATIENTS, 3);
    assertEquals(3, v.dimension());
    assertEquals(3, v.terms());
    // letters of "uptake" and "in" (6-7 reports) outrank everything of "rib" (3 reports)
    assertTrue(!v.has("w:rib") && !v.has("c:rib") && !v.has("c:b"));
    assertEquals(0, nonZero(v.features("rib")));
    assertTrue(nonZero(v.features("uptake")) > 0);
  }

  @Test
  void featuresAreUnitLengthTfIdfWithRareTermsWeightedUp() {
    ReportVocabulary v = ReportVocabulary.fit(PATIENTS, 4096);
    float[] f = v.features("uptake in rib");
    assertEquals(4096, f.length);
    double norm = 0;
    for (float x : f) {
      norm += x * x;
    }
    assertEquals(1.0, norm, 1e-5);
    float[] rib = v.features("rib");
    float[] uptake = v.features("uptake");
    float[] both = v.features("rib uptake");
    int ribWord = argmax(rib);
    int uptakeWord = argmax(uptake);
    assertTrue(both[ribWord] > both[uptakeWord], "'rib' (3 of 7 reports) outweighs 'uptake' (6 of 7)");
    assertArrayEquals(v.features("Rib  UPTAKE"), both, "case and spacing do not matter");
  }

  @Test
  void missingBlankOrUnknownReportsGiveZeros() {
    ReportVocabulary v = ReportVocabulary.fit(PATIENTS, 64);
    assertEquals(0, nonZero(v.features(null)));
    assertEquals(0, nonZero(v.features("  ")));
    assertEquals(0, nonZero(v.features("qqq")));
    float[] out = new float[3 * 64];
    Arrays.fill(out, 7f);
    v.features(null, out, 64);
    assertEquals(0, nonZero(Arrays.copyOfRange(out, 64, 128)), "the target range is overwritten");
    assertEquals(7f, out[0]);
    assertEquals(7f, out[128]);
  }

  @Test
  void bytesRoundTrip() throws IOException {
    ReportVocabulary v = ReportVocabulary.fit(PATIENTS, 100);
    ReportVocabulary back = ReportVocabulary.fromBytes(v.toBytes(), "test");
    assertEquals(v.dimension(), back.dimension());
    assertEquals(v.terms(), back.terms());
    assertEquals(v.reports(), back.reports());
    for (String report : List.of("uptake in rib and pelvis", "normal", "肋骨")) {
      assertArrayEquals(v.features(report), back.features(report), report);
    }
  }

  @Test
  void malformedBytesAreRefusedNamingTheSource() {
    IOException e = assertThrows(IOException.class,
        () -> ReportVocabulary.fromBytes("hello\n".getBytes(StandardCharsets.UTF_8), "model.zip"));
    assertTrue(e.getMessage().startsWith("model.zip: not a report vocabulary"), e.getMessage());
    e = assertThrows(IOException.class, () -> ReportVocabulary.fromBytes(
        "petal-report-vocabulary 1 2 5\nw:a\t1.0\nw:b\t1.0\nw:c\t1.0\n".getBytes(StandardCharsets.UTF_8), "model.zip"));
    assertTrue(e.getMessage().contains("does not fit dimension 2"), e.getMessage());
    e = assertThrows(IOException.class, () -> ReportVocabulary.fromBytes(
        "petal-report-vocabulary 9 2 5\n".getBytes(StandardCharsets.UTF_8), "model.zip"));
    assertTrue(e.getMessage().contains("version 9"), e.getMessage());
  }

  private static int nonZero(float[] f) {
    int n = 0;
    for (float x : f) {
      n += x != 0 ? 1 : 0;
    }
    return n;
  }

  private static int argmax(float[] f) {
    int best = 0;
    for (int i = 1; i < f.length; i++) {
      if (f[i] > f[best]) {
        best = i;
      }
    }
    return best;
  }
}
