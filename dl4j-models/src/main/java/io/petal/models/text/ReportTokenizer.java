package io.petal.models.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits a free-text report in any script into counted terms, with no language-specific rules.
 *
 * <p>The text is Unicode NFKC-normalised (full-width forms become ASCII, e.g. "３４ｍｍ" → "34mm")
 * and lower-cased (root locale). A <i>run</i> is a maximal sequence of letters and digits
 * ({@link Character#isLetterOrDigit(int)}); everything else (spaces, punctuation, "、", "。")
 * separates runs. Each run gives one word term {@code w:<run>} and every character n-gram of
 * length {@value #MIN_GRAM}..{@value #MAX_GRAM} inside it, {@code c:<gram>} (counted by code
 * point). Chinese, written without spaces, is thereby covered by its character uni-, bi- and
 * trigrams ("浓聚", "骨转移"), and English by its words and sub-word grams ("metastas").
 *
 * <p>Terms never contain whitespace; the tokenizer has no state and is thread-safe.
 */
public final class ReportTokenizer {
  static final int MIN_GRAM = 1;
  static final int MAX_GRAM = 3;
  static final String WORD = "w:";
  static final String GRAM = "c:";

  private ReportTokenizer() {}

  /** Term → number of occurrences in {@code report}, in term order; empty for null or blank text. */
  public static Map<String, Integer> counts(String report) {
    Map<String, Integer> counts = new TreeMap<>();
    if (report == null || report.isBlank()) {
      return counts;
    }
    String text = Normalizer.normalize(report, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    int[] cps = text.codePoints().toArray();
    int start = 0;
    while (start < cps.length) {
      if (!Character.isLetterOrDigit(cps[start])) {
        start++;
        continue;
      }
      int end = start;
      while (end < cps.length && Character.isLetterOrDigit(cps[end])) {
        end++;
      }
      addRun(cps, start, end, counts);
      start = end;
    }
    return counts;
  }

  private static void addRun(int[] cps, int start, int end, Map<String, Integer> counts) {
    counts.merge(WORD + new String(cps, start, end - start), 1, Integer::sum);
    for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (int i = start; i + n <= end; i++) {
        counts.merge(GRAM + new String(cps, i, n), 1, Integer::sum);
      }
    }
  }
}
